package org.shequ.notices.notice.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.model.address.AddressMatcher;

@Schema(description = "Read-only: the house numbers from–to of a road, on the side parity names (ODD: 单号, EVEN: "
        + "双号, BOTH), where the district's gazetteer placed a stretch when the notice was written; ignored when sent")
public record HouseNumbers(@Schema(examples = "1") int from, @Schema(examples = "59") int to,
                           AddressMatcher.Parity parity) {
}
