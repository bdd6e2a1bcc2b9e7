package shop.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.join.ParentJoinPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * Runs one OpenSearch node for the local stack from plain Maven jars.
 *
 * <p>The module jars published to Maven carry no plugin descriptors, so the node cannot
 * discover them in a modules/ folder the way a distribution does. The protected Node
 * constructor accepts plugin classes directly; this subclass hands it the modules the
 * stack relies on (HTTP transport, analyzers, scripts, extra field types, joins, reindex).
 *
 * <p>Usage: LocalSearchNode &lt;home dir&gt; &lt;config dir&gt;. Every setting (ports, paths,
 * discovery) comes from opensearch.yml in the config dir, next to log4j2.properties.
 */
public final class LocalSearchNode extends Node {
  private static final List<Class<? extends Plugin>> MODULES =
      List.of(
          Netty4Plugin.class,
          CommonAnalysisPlugin.class,
          PainlessPlugin.class,
          MapperExtrasPlugin.class,
          ParentJoinPlugin.class,
          ReindexPlugin.class);
  private static final long CLOSE_DEADLINE_SECONDS = 30;

  private LocalSearchNode(Environment environment) {
    super(environment, MODULES, true);
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: LocalSearchNode <home dir> <config dir>");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    Path config = Path.of(args[1]).toAbsolutePath();
    Settings initial = Settings.builder().put("path.home", home.toString()).build();
    Environment environment =
        InternalSettingsPreparer.prepareEnvironment(initial, Map.of(), config, () -> "shop-search");
    LogConfigurator.registerErrorListener();
    LogConfigurator.configure(environment);

    LocalSearchNode node = new LocalSearchNode(environment);
    // SIGTERM runs the shutdown hooks: close the node so shards are flushed and the
    // data directory lock is released before the process exits.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    node.close();
                    node.awaitClose(CLOSE_DEADLINE_SECONDS, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    System.err.println("closing the search node failed: " + e);
                  }
                },
                "search-node-shutdown"));
    node.start();
    // The node's own threads are daemons; this non-daemon wait keeps the JVM alive until
    // a signal ends it.
    new CountDownLatch(1).await();
  }
}
