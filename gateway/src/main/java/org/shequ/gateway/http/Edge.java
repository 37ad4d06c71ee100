package org.shequ.gateway.http;

import io.netty.handler.codec.http.cors.CorsConfig;
import org.shequ.gateway.GatewayConfig;
import org.shequ.gateway.edge.ClientAddresses;
import org.shequ.gateway.edge.EdgeAuth;
import org.shequ.gateway.edge.TokenVerifier;
import org.shequ.gateway.limits.RateLimiter;
import org.shequ.gateway.observability.RouteMetrics;
import org.shequ.gateway.resilience.UpstreamGuards;

/** What every edge connection works with: its bounds and the shared steps, each one instance for the whole edge. */
record Edge(GatewayConfig.Edge settings, long maxBodyBytes, long idleTimeoutNanos, EdgeRoutes routes,
            TokenVerifier verifier, EdgeAuth auth, ClientAddresses addresses, RateLimiter limiter,
            UpstreamGuards guards, RouteMetrics metrics, UpstreamPool pool, Deadlines deadlines, ClientSlots slots,
            CorsConfig cors) {
}
