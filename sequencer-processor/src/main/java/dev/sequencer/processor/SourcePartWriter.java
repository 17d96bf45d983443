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
 * Writes the nested classes of the registry that implement a {@code Source} interface
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
     * @param descriptor the descriptor expression, referring to the part as {@code new PartN(index)}
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
        return switches(part, kind, entries.stream().map(Entry::handler).toList());
    }

    /**
     * The class {@code name} that holds every operation's compact entry and is their {@code Source}: a {@code DATA}
     * string of the entries one after the other, each ended by {@code terminator}, in as few string constants as the
     * class file allows (one entry a line in the source), and {@code apply(index)}, the class as an {@code IntFunction}
     * of sources. With at most {@link #PART_SIZE} operations it has the switches itself; with more, its
     * {@code type()} and {@code newInstance()} hand the index to classes {@code Handlers0}, {@code Handlers1}, ...
     * (also returned) of at most {@value #PART_SIZE} cases each, which the JVM loads only when an operation of theirs
     * is about to be built: loading the registry defines one class, whatever its size.
     */
    static List<TypeSpec> writeCompact(
            String name, Kind kind, List<HandlerClass> handlers, List<String> data, char terminator) {
        TypeSpec.Builder source = part(name, kind)
                .addSuperinterface(
                        ParameterizedTypeName.get(ClassName.get("java.util.function", "IntFunction"), kind.source()))
                .addField(FieldSpec.builder(String.class, "DATA", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(joined(data, terminator))
                        .build())
                .addMethod(MethodSpec.methodBuilder("apply")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(kind.source())
                        .addParameter(int.class, "index")
                        .addStatement("return new $N(index)", name)
                        .build());
        List<List<HandlerClass>> slices = split(handlers);
        if (slices.size() <= 1) {
            return List.of(switches(source, kind, handlers));
        }
        CodeBlock.Builder types = CodeBlock.builder().beginControlFlow("switch (index / $L)", PART_SIZE);
        CodeBlock.Builder instances = CodeBlock.builder().beginControlFlow("switch (index / $L)", PART_SIZE);
        List<TypeSpec> classes = new ArrayList<>();
        for (int part = 0; part < slices.size(); part++) {
            String handlersName = "Handlers" + part;
            types.add("case $L:\n$>return $N.type(index);\n$<", part, handlersName);
            instances.add("case $L:\n$>return $N.newInstance(index);\n$<", part, handlersName);
            classes.add(handlers(handlersName, kind, slices.get(part), part * PART_SIZE));
        }
        classes.add(
                0,
                source.addMethod(override("type", Set.of())
                                .returns(classOf(kind))
                                .addCode(unknown(types, kind).build())
                                .build())
                        .addMethod(override("newInstance", Set.of())
                                .returns(kind.handler())
                                .addCode(unknown(instances, kind).build())
                                .build())
                        .build());
        return classes;
    }

    /**
     * {@code "entry1" + "entry2" + ...} (each entry with its terminator), one entry a line; where the entries outgrow one class-file constant,
     * groups that each fit one, {@code ("..." + "...").concat("..." + "...")}: javac folds a {@code +} of constants into
     * one constant, but not a {@code concat}, and the parentheses keep every {@code +} between constants (a {@code +}
     * with a {@code concat} call would be a string concatenation at run time). An entry longer than a constant is split by {@link LongStringLiteral#chunks}.
     */
    private static CodeBlock joined(List<String> data, char terminator) {
        if (data.isEmpty()) {
            return CodeBlock.of("$S", "");
        }
        List<List<String>> groups = new ArrayList<>();
        List<String> group = new ArrayList<>();
        int bytes = 0;
        for (String entry : data) {
            String text = entry + terminator;
            for (String chunk : LongStringLiteral.chunks(text, LongStringLiteral.CONSTANT_LIMIT)) {
                int size = LongStringLiteral.bytes(chunk);
                if (bytes + size > LongStringLiteral.CONSTANT_LIMIT && !group.isEmpty()) {
                    groups.add(group);
                    group = new ArrayList<>();
                    bytes = 0;
                }
                group.add(chunk);
                bytes += size;
            }
        }
        groups.add(group);
        boolean several = groups.size() > 1;
        CodeBlock.Builder literal = CodeBlock.builder().add("$>$>");
        for (int g = 0; g < groups.size(); g++) {
            List<String> lines = groups.get(g);
            literal.add(g == 0 ? (several ? "(" : "") : "\n.concat(");
            for (int i = 0; i < lines.size(); i++) {
                literal.add(i == 0 ? "$S" : "\n+ $S", lines.get(i));
            }
            literal.add(several ? ")" : "");
        }
        return literal.add("$<$<").build();
    }

    /** A class of static {@code type(index)} and {@code newInstance(index)} for the entries from {@code first} on. */
    private static TypeSpec handlers(String name, Kind kind, List<HandlerClass> handlers, int first) {
        Cases cases = cases(handlers, first);
        return TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addMethod(helper("type", cases.typeWarnings())
                        .returns(classOf(kind))
                        .addCode(unknown(cases.types(), kind).build())
                        .build())
                .addMethod(helper("newInstance", cases.instanceWarnings())
                        .returns(kind.handler())
                        .addCode(unknown(cases.instances(), kind).build())
                        .build())
                .build();
    }

    private static MethodSpec.Builder helper(String name, Set<String> warnings) {
        MethodSpec.Builder method =
                MethodSpec.methodBuilder(name).addModifiers(Modifier.STATIC).addParameter(int.class, "index");
        if (!warnings.isEmpty()) {
            method.addAnnotation(suppressWarnings(warnings));
        }
        return method;
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
     * The switch cases of {@code handlers}, numbered from {@code first}: class literals and constructor calls, with the
     * deprecation warnings each kind of case raises.
     */
    private record Cases(
            CodeBlock.Builder types,
            CodeBlock.Builder instances,
            Set<String> typeWarnings,
            Set<String> instanceWarnings) {}

    private static Cases cases(List<HandlerClass> handlers, int first) {
        Cases cases = new Cases(
                CodeBlock.builder().beginControlFlow("switch (index)"),
                CodeBlock.builder().beginControlFlow("switch (index)"),
                new TreeSet<>(),
                new TreeSet<>());
        for (int i = 0; i < handlers.size(); i++) {
            HandlerClass handler = handlers.get(i);
            cases.types().add("case $L:\n$>return $T.class;\n$<", first + i, handler.name());
            cases.typeWarnings().addAll(handler.warningsOnName());
            if (handler.constructible()) {
                cases.instances().add("case $L:\n$>return $L;\n$<", first + i, handler.construction());
                cases.instanceWarnings().addAll(handler.warningsOfConstruction());
            } else {
                cases.instances().add("case $L:\n$>return null;\n$<", first + i);
            }
        }
        return cases;
    }

    /** Ends {@code cases} with a default that throws for an unknown index. */
    private static CodeBlock.Builder unknown(CodeBlock.Builder cases, Kind kind) {
        return cases.add(
                        "default:\n$>throw new $T($S + index);\n$<",
                        IllegalStateException.class,
                        "No " + kind.noun() + " ")
                .endControlFlow();
    }

    private static TypeName classOf(Kind kind) {
        return ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(kind.handler()));
    }

    /**
     * Adds {@code type()} and {@code newInstance()}: switches over class literals and constructor calls, each method
     * suppressing exactly the deprecation warnings its own entries raise.
     */
    private static TypeSpec switches(TypeSpec.Builder part, Kind kind, List<HandlerClass> handlers) {
        Cases cases = cases(handlers, 0);
        return part.addMethod(override("type", cases.typeWarnings())
                        .returns(classOf(kind))
                        .addCode(unknown(cases.types(), kind).build())
                        .build())
                .addMethod(override("newInstance", cases.instanceWarnings())
                        .returns(kind.handler())
                        .addCode(unknown(cases.instances(), kind).build())
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
