package dev.sequencer.processor;

import java.util.Comparator;
import javax.lang.model.element.TypeElement;

/**
 * One valid {@code @Deferred} handler, as the writer emits it.
 *
 * @param alias the unique alias
 * @param binaryName the binary class name ({@code com.example.Outer$Inner})
 * @param handler how generated code names and builds the class
 * @param element the annotated class, an originating element of generated files
 */
record DeferredModel(String alias, String binaryName, HandlerClass handler, TypeElement element) {

    /** The order of the generated list: by alias. */
    static final Comparator<DeferredModel> ORDER = Comparator.comparing(DeferredModel::alias);
}
