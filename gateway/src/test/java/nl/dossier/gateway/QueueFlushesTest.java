package nl.dossier.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.dossier.connectors.QueuedFlushes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's connect handler puts {@link QueuedFlushes} first in a registry connection's
 * pipeline. It reaches the pipeline through a Vert.x class that is not public API, and would
 * otherwise stop doing so quietly on a Vert.x upgrade that changes that class.
 */
class QueueFlushesTest {
  final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aRegistryConnectionWritesThroughQueuedFlushes() {
    HttpServer registry =
        vertx
            .createHttpServer()
            .requestHandler(request -> request.response().end("ok"))
            .listen(0)
            .await();
    for (HttpVersion version : List.of(HttpVersion.HTTP_1_1, HttpVersion.HTTP_2)) {
      // given a client with the gateway's connect handler, over HTTP/1.1 and h2c
      var connections = new CopyOnWriteArrayList<HttpConnection>();
      var client =
          vertx
              .httpClientBuilder()
              .with(
                  new HttpClientOptions()
                      .setProtocolVersion(version)
                      .setHttp2ClearTextUpgrade(false))
              .withConnectHandler(
                  connection -> {
                    Gateway.queueFlushes(connection);
                    connections.add(connection);
                  })
              .build();
      // when it calls the registry
      String answer =
          client
              .request(HttpMethod.GET, registry.actualPort(), "localhost", "/")
              .compose(request -> request.send())
              .compose(response -> response.body().map(body -> response.version() + " " + body))
              .await();
      // then the call was answered on a connection whose first handler is QueuedFlushes
      assertThat(answer).isEqualTo(version + " ok");
      assertThat(connections).hasSize(1);
      assertThat(((ConnectionBase) connections.get(0)).channel().pipeline().first())
          .isInstanceOf(QueuedFlushes.class);
    }
  }
}
