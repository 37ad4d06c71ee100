package org.shequ.gridtasks.open311;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Open311 errors in Open311's own shape; everything else keeps the platform's one problem+json mapper. */
public class Open311ErrorMapper {

    @ServerExceptionMapper
    public Response open311(Open311Exception e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.status());
        error.put("description", e.getMessage());
        return Response.status(e.status()).type(e.format().mediaType())
                .entity(e.format().write("errors", List.of(error))).build();
    }
}
