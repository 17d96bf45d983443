package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sequencer.processor.TestSources.operation;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import org.junit.jupiter.api.Test;

/** Whatever goes wrong inside the processor becomes a compile error; javac itself never crashes. */
class FailureContainmentTest {

    /** Runs the real processor in an environment whose {@link Elements} throws {@code failure} on every lookup. */
    private static final class FailingEnvironment extends AbstractProcessor {
        private final SequencerProcessor processor = new SequencerProcessor();
        private final Error failure;

        FailingEnvironment(Error failure) {
            this.failure = failure;
        }

        @Override
        public synchronized void init(ProcessingEnvironment environment) {
            super.init(environment);
            Elements failing = proxy(Elements.class, environment.getElementUtils(), "getTypeElement");
            processor.init(proxy(ProcessingEnvironment.class, environment, failing));
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return processor.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return processor.getSupportedSourceVersion();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return processor.process(annotations, round);
        }

        /** {@code delegate}, except that {@code failingMethod} throws the failure. */
        private <T> T proxy(Class<T> type, T delegate, String failingMethod) {
            return proxy(type, (self, method, arguments) -> {
                if (method.getName().equals(failingMethod)) {
                    throw failure;
                }
                return invoke(delegate, method, arguments);
            });
        }

        /** The environment {@code delegate} with {@code elements} as its element utilities. */
        private static ProcessingEnvironment proxy(
                Class<ProcessingEnvironment> type, ProcessingEnvironment delegate, Elements elements) {
            return proxy(
                    type,
                    (self, method, arguments) -> method.getName().equals("getElementUtils")
                            ? elements
                            : invoke(delegate, method, arguments));
        }

        private static <T> T proxy(Class<T> type, InvocationHandler handler) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] arguments)
                throws Throwable {
            try {
                return method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Test
    void stackOverflowInsideTheProcessorIsAnErrorNotACrash() {
        Compilation compilation = Compiler.javac()
                .withProcessors(new FailingEnvironment(new StackOverflowError("deep")))
                .compile(operation("com.example.Op", "@Operation(timestamp = \"2024_01_02_000000\")"));

        assertThat(compilation).failed();
        assertThat(compilation)
                .hadErrorContaining(Message.INTERNAL_ERROR.format("").strip());
        assertThat(compilation).hadErrorContaining("java.lang.StackOverflowError: deep");
    }

    @Test
    void outOfMemoryInsideTheProcessorIsAnErrorNotACrash() {
        Compilation compilation = Compiler.javac()
                .withProcessors(new FailingEnvironment(new OutOfMemoryError("full")))
                .compile(operation("com.example.Op", "@Operation(timestamp = \"2024_01_02_000000\")"));

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("java.lang.OutOfMemoryError: full");
    }
}
