package org.shequ.gridtasks.open311;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.shequ.gridtasks.open311.api.Open311Error;

/** Open311 errors in Open311's own shape; everything else keeps the platform's one problem+json mapper. */
public class Open311ErrorMapper {

    @ServerExceptionMapper
    public Response open311(Open311Exception e) {
        return Response.status(e.status()).type(e.format().mediaType())
                .entity(e.format().write("errors", List.of(new Open311Error(e.status(), e.getMessage())))).build();
    }
}
