package dev.sequencer.bench;

import dev.sequencer.annotation.Operation;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * B1: finding N operations. Single-shot: every invocation is cold for the thing measured (a new class loader for the
 * registry, a new scan for ClassGraph, a new Flyway for Flyway). Each method checks it found exactly N.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class B1Discovery {

    @Param({"1000", "10000"})
    public int size;

    private String registryClass;
    private String operationsPackage;
    private String migrationsLocation;
    private Connection keepAlive;
    private String h2Url;
    private IsolatingLoader loader;
    private JarFile dataJar;

    @Setup(Level.Trial)
    public void trial() throws Exception {
        boolean small = size == 1000;
        registryClass = small ? Registries.SMALL : Registries.BIG;
        operationsPackage = small ? "bench.ops1k" : "bench.ops";
        migrationsLocation = small ? "classpath:bench/migrations1k" : "classpath:bench/migrations";
        h2Url = "jdbc:h2:mem:b1_" + size + ";DB_CLOSE_DELAY=-1";
        keepAlive = DriverManager.getConnection(h2Url, "sa", "");
        dataJar = RegistryData.jarOf(Registries.load(registryClass));
    }

    @Setup(Level.Invocation)
    public void freshLoader() {
        loader = new IsolatingLoader(operationsPackage, B1Discovery.class.getClassLoader());
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        keepAlive.close();
        dataJar.close();
    }

    /** A: the generated registry, loaded and initialised in a fresh class loader. */
    @Benchmark
    public int registry() throws Exception {
        Class<?> type = Class.forName(registryClass, true, loader);
        return check(((List<?>) type.getMethod("registry").invoke(null)).size());
    }

    /**
     * The limit of any registry that must describe N operations at start: the same compact entries read from one
     * compressed jar entry (as class files are) and decoded by the runtime, with no class defined at all.
     */
    @Benchmark
    public int limit() throws Exception {
        return check(RegistryData.read(dataJar).size());
    }

    /** B: ClassGraph scanning the class path for the same @Operation classes (names only, no class loading). */
    @Benchmark
    public int classgraph() {
        try (ScanResult scan = new ClassGraph()
                .enableAnnotationInfo()
                .acceptPackages(operationsPackage)
                .scan()) {
            return check(
                    scan.getClassesWithAnnotation(Operation.class.getName()).size());
        }
    }

    /** C: Flyway resolving N Java migrations by class path scanning ({@code info()} on an empty database). */
    @Benchmark
    public int flyway() {
        return check(Flyway.configure()
                .dataSource(h2Url, "sa", "")
                .locations(migrationsLocation)
                .load()
                .info()
                .all()
                .length);
    }

    private int check(int found) {
        if (found != size) {
            throw new IllegalStateException("found " + found + " instead of " + size);
        }
        return found;
    }
}
