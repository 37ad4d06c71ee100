import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.RequestOptions;

/**
 * A reference for deploy/bench/gateway: the least a Vert.x reverse proxy does — one event loop, pooled keep-alive
 * client, the request's method, path and headers passed on, the answer streamed back — with no routing, no filters
 * and no edge checks. Whatever separates it from the gateway is the gateway's own cost; whatever separates it from
 * nginx is the cost of the Vert.x HTTP stack on one core.
 * Usage: java -cp 'gateway/target/quarkus-app/lib/main/*' BareVertxProxy.java PORT ORIGIN_PORT
 */
public class BareVertxProxy {

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int origin = Integer.parseInt(args[1]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64));
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port)).requestHandler(request -> {
            request.pause();
            client.request(new RequestOptions().setMethod(request.method()).setHost("127.0.0.1").setPort(origin)
                            .setURI(request.uri()).setHeaders(request.headers()))
                    .compose(upstream -> upstream.send(request))
                    .onSuccess(answer -> {
                        request.response().setStatusCode(answer.statusCode()).headers().setAll(answer.headers());
                        request.response().send(answer);
                    })
                    .onFailure(failure -> request.response().setStatusCode(502).end());
        }).listen().toCompletionStage().toCompletableFuture().join();
        System.out.println("bare Vert.x proxy on " + port + " -> " + origin);
    }
}
