package dev.sequencer.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * Writes one part of the registry: a private static nested class that implements a {@code Source} interface
 * ({@code OperationDescriptor.Source}, {@code DeferredDescriptor.Source}) with switches over class literals and
 * constructor calls. The JVM resolves a case only when it runs, so a handler's class is loaded only when it is about
 * to be built. No lambdas or method references: 10,000 of them would spin 10,000 hidden classes at start.
 */
final class SourcePartWriter {

    /** At most this many entries per part, to stay within the JVM's 64 KB method and 65,535 constant limits. */
    static final int PART_SIZE = 200;

    /**
     * One entry of a part.
     *
     * @param descriptor the descriptor expression, referring to the part as {@code new PartN(index)}; {@code null} for
     *     parts written by {@link #writeEncoded}
     * @param handler the class the entry loads and builds
     */
    record Entry(CodeBlock descriptor, HandlerClass handler) {}

    /**
     * What the parts are of.
     *
     * @param source the interface a part implements
     * @param handler the interface the classes implement
     * @param noun for the message of an unknown index, {@code operation}
     */
    record Kind(ClassName source, ClassName handler, String noun) {}

    private SourcePartWriter() {}

    /** {@code list} in consecutive slices of at most {@link #PART_SIZE}. */
    static <T> List<List<T>> split(List<T> list) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < list.size(); from += PART_SIZE) {
            parts.add(list.subList(from, Math.min(list.size(), from + PART_SIZE)));
        }
        return parts;
    }

    /** {@code List.of(a, b, ...)}, one descriptor a line, indented twice. */
    static CodeBlock list(List<Entry> entries) {
        CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", List.class);
        if (!entries.isEmpty()) {
            list.add("\n$>$>");
            for (int i = 0; i < entries.size(); i++) {
                list.add(i == 0 ? "" : ",\n").add(entries.get(i).descriptor());
            }
            list.add("$<$<");
        }
        return list.add(")").build();
    }

    /**
     * The part class {@code name}; when {@code listMethod} is not {@code null}, it also has a static method of that
     * name returning {@code List.of(descriptors)}.
     */
    static TypeSpec write(String name, Kind kind, List<Entry> entries, String listMethod) {
        TypeSpec.Builder part = part(name, kind);
        if (listMethod != null) {
            TypeName descriptor = kind.source().enclosingClassName();
            part.addMethod(MethodSpec.methodBuilder(listMethod)
                    .addModifiers(Modifier.STATIC)
                    .returns(ParameterizedTypeName.get(ClassName.get(List.class), descriptor))
                    .addCode("return $L;\n", list(entries))
                    .build());
        }
        return switches(part, kind, entries);
    }

    /**
     * The part class {@code name} whose descriptors are decoded from compact entries: a {@code DATA} array of
     * {@code data} (one string constant per entry, in the format of {@link DescriptorData}), a static method
     * {@code listMethod} returning {@code decoder.decode(DATA, new Name(-1))}, and {@code apply(index)}, the part as
     * an {@code IntFunction} of sources.
     */
    static TypeSpec writeEncoded(
            String name, Kind kind, List<Entry> entries, List<String> data, String listMethod, ClassName decoder) {
        TypeSpec.Builder part = part(name, kind)
                .addSuperinterface(
                        ParameterizedTypeName.get(ClassName.get("java.util.function", "IntFunction"), kind.source()));
        CodeBlock.Builder array = CodeBlock.builder().add("{");
        if (!data.isEmpty()) {
            array.add("\n$>");
            for (int i = 0; i < data.size(); i++) {
                array.add(i == 0 ? "$L" : ",\n$L", LongStringLiteral.of(data.get(i)));
            }
            array.add("$<\n");
        }
        part.addField(FieldSpec.builder(String[].class, "DATA", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(array.add("}").build())
                .build());
        part.addMethod(MethodSpec.methodBuilder(listMethod)
                .addModifiers(Modifier.STATIC)
                .returns(ParameterizedTypeName.get(
                        ClassName.get(List.class), kind.source().enclosingClassName()))
                .addStatement("return $T.decode(DATA, new $N(-1))", decoder, name)
                .build());
        part.addMethod(MethodSpec.methodBuilder("apply")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(kind.source())
                .addParameter(int.class, "index")
                .addStatement("return new $N(index)", name)
                .build());
        return switches(part, kind, entries);
    }

    /** The class with its {@code index} field and constructor. */
    private static TypeSpec.Builder part(String name, Kind kind) {
        return TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(kind.source())
                .addField(int.class, "index", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .addParameter(int.class, "index")
                        .addStatement("this.index = index")
                        .build());
    }

    /**
     * Adds {@code type()} and {@code newInstance()}: switches over class literals and constructor calls, each method
     * suppressing exactly the deprecation warnings its own entries raise.
     */
    private static TypeSpec switches(TypeSpec.Builder part, Kind kind, List<Entry> entries) {
        CodeBlock.Builder types = CodeBlock.builder().beginControlFlow("switch (index)");
        CodeBlock.Builder instances = CodeBlock.builder().beginControlFlow("switch (index)");
        Set<String> typeWarnings = new TreeSet<>();
        Set<String> instanceWarnings = new TreeSet<>();
        for (int i = 0; i < entries.size(); i++) {
            HandlerClass handler = entries.get(i).handler();
            types.add("case $L:\n$>return $T.class;\n$<", i, handler.name());
            typeWarnings.addAll(handler.warningsOnName());
            if (handler.constructible()) {
                instances.add("case $L:\n$>return $L;\n$<", i, handler.construction());
                instanceWarnings.addAll(handler.warningsOfConstruction());
            } else {
                instances.add("case $L:\n$>return null;\n$<", i);
            }
        }
        for (CodeBlock.Builder cases : List.of(types, instances)) {
            cases.add(
                            "default:\n$>throw new $T($S + index);\n$<",
                            IllegalStateException.class,
                            "No " + kind.noun() + " ")
                    .endControlFlow();
        }
        return part.addMethod(override("type", typeWarnings)
                        .returns(ParameterizedTypeName.get(
                                ClassName.get(Class.class), WildcardTypeName.subtypeOf(kind.handler())))
                        .addCode(types.build())
                        .build())
                .addMethod(override("newInstance", instanceWarnings)
                        .returns(kind.handler())
                        .addCode(instances.build())
                        .build())
                .build();
    }

    /** A public {@code @Override} method, with {@code @SuppressWarnings} when {@code warnings} is not empty. */
    private static MethodSpec.Builder override(String name, Set<String> warnings) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name).addAnnotation(Override.class);
        if (!warnings.isEmpty()) {
            method.addAnnotation(suppressWarnings(warnings));
        }
        return method.addModifiers(Modifier.PUBLIC);
    }

    /** {@code @SuppressWarnings("x")}, or {@code @SuppressWarnings({"x", "y"})}, in sorted order. */
    private static AnnotationSpec suppressWarnings(Set<String> warnings) {
        AnnotationSpec.Builder annotation = AnnotationSpec.builder(SuppressWarnings.class);
        warnings.forEach(warning -> annotation.addMember("value", "$S", warning));
        return annotation.build();
    }
}
