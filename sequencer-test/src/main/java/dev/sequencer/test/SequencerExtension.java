package dev.sequencer.test;

import dev.sequencer.Sequencer;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit Jupiter extension behind {@link SequencerTest}: before each test method it creates the test's database
 * (in-memory H2, or a fresh schema on the server of {@code sequencer.test.url}), builds a {@link Sequencer} over it
 * and every registry on the test class path, and calls {@code migrate()} unless told not to; it resolves
 * {@link Sequencer} and {@link DataSource} parameters to them; after the test JUnit closes both (the database is
 * dropped). Everything lives in the test method's extension store, so parallel test methods share nothing.
 */
public final class SequencerExtension implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SequencerExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        SequencerTestSettings settings = SequencerTestSettings.of(context);
        Optional<String> serverUrl =
                TestDatabases.configuredUrl(settings.properties(), context::getConfigurationParameter, System.getenv());
        TestDatabase database = TestDatabases.create(serverUrl);
        Sequencer sequencer;
        try {
            sequencer = Sequencer.configure()
                    .loadConfiguration()
                    .properties(settings.properties())
                    .dataSource(database.dataSource())
                    .discoverRegistries()
                    .load();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        // Stored before migrating, so that a failing migrate() still has its database dropped.
        context.getStore(NAMESPACE).put(TestSequencer.class, new TestSequencer(sequencer, database));
        if (settings.migrate()) {
            sequencer.migrate();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Sequencer.class || type == DataSource.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestSequencer test = context.getStore(NAMESPACE).get(TestSequencer.class, TestSequencer.class);
        if (test == null) {
            throw new ParameterResolutionException("@SequencerTest gives each test method its own database, so a "
                    + parameter.getParameter().getType().getSimpleName() + " parameter belongs on a @Test,"
                    + " @BeforeEach or @AfterEach method, not on " + parameter.getDeclaringExecutable());
        }
        return parameter.getParameter().getType() == Sequencer.class
                ? test.sequencer()
                : test.database().dataSource();
    }
}
