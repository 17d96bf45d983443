package dev.sequencer.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code GeneratedSequencer}: the ordered registry, the {@code @Deferred} handlers, and the static entry points
 * of the specification.
 *
 * <p>Operations are split into parts ({@link SourcePartWriter}) of at most {@value SourcePartWriter#PART_SIZE}, each a
 * private static nested class, so that a registry of 10,000 operations stays within the JVM's limits and loads an
 * operation's class only when that operation is about to run. A part holds its descriptors as compact string entries
 * ({@link DescriptorData}) that {@code OperationRegistry.decode} turns into descriptors: far less bytecode to load and
 * far less source for javac to attribute than constructor calls. Deferred handlers (few) are written as constructor
 * calls.
 */
final class RegistryWriter {

    static final String CLASS_NAME = "GeneratedSequencer";

    private static final String RUNTIME = "dev.sequencer";
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final ClassName LIST = ClassName.get("java.util", "List");
    private static final ClassName STREAM = ClassName.get("java.util.stream", "Stream");
    private static final ClassName DATA_SOURCE = ClassName.get("javax.sql", "DataSource");
    private static final ClassName DESCRIPTOR = ClassName.get(RUNTIME, "OperationDescriptor");
    private static final ClassName DEFERRED_DESCRIPTOR = ClassName.get(RUNTIME, "DeferredDescriptor");
    private static final ClassName REGISTRY = ClassName.get(RUNTIME, "OperationRegistry");
    private static final ClassName SEQUENCER = ClassName.get(RUNTIME, "Sequencer");
    private static final ClassName WORKER = ClassName.get(RUNTIME, "Worker");
    private static final ClassName RUN_REPORT = ClassName.get(RUNTIME, "RunReport");
    private static final TypeName DESCRIPTORS = ParameterizedTypeName.get(LIST, DESCRIPTOR);
    private static final TypeName DEFERRED_DESCRIPTORS = ParameterizedTypeName.get(LIST, DEFERRED_DESCRIPTOR);
    private static final SourcePartWriter.Kind OPERATIONS = new SourcePartWriter.Kind(
            DESCRIPTOR.nestedClass("Source"), ClassName.get(RUNTIME, "OperationHandler"), "operation");
    private static final SourcePartWriter.Kind DEFERRED = new SourcePartWriter.Kind(
            DEFERRED_DESCRIPTOR.nestedClass("Source"), ClassName.get(RUNTIME, "DeferredHandler"), "deferred handler");

    private RegistryWriter() {}

    /** The source of the registry for {@code models} (in run order) and {@code deferred} (by alias). */
    static JavaFile write(String packageName, List<OperationModel> models, List<DeferredModel> deferred) {
        TypeSpec.Builder type = TypeSpec.classBuilder(CLASS_NAME)
                .addAnnotation(AnnotationSpec.builder(GENERATED)
                        .addMember("value", "$S", SequencerProcessor.class.getCanonicalName())
                        .build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(REGISTRY);
        List<TypeSpec> parts = new ArrayList<>();
        type.addField(FieldSpec.builder(DESCRIPTORS, "REGISTRY", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(operations(models, parts))
                .build());
        type.addField(
                FieldSpec.builder(DEFERRED_DESCRIPTORS, "DEFERRED", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(deferred(deferred, parts))
                        .build());
        type.addMethod(MethodSpec.constructorBuilder()
                .addJavadoc("For ServiceLoader; use the static methods.")
                .addModifiers(Modifier.PUBLIC)
                .build());
        type.addMethod(getter("operations", DESCRIPTORS, "REGISTRY", false, null));
        type.addMethod(getter("deferredHandlers", DEFERRED_DESCRIPTORS, "DEFERRED", false, null));
        type.addMethod(getter(
                "registry", DESCRIPTORS, "REGISTRY", true, "The ordered, immutable list of operation descriptors."));
        type.addMethod(getter(
                "deferred", DEFERRED_DESCRIPTORS, "DEFERRED", true, "The {@code @Deferred} handlers, by alias."));
        type.addMethod(sequencer(false));
        type.addMethod(sequencer(true));
        for (String run : List.of("migrate", "process")) {
            type.addMethod(run(run, false));
            type.addMethod(run(run, true));
        }
        type.addMethod(worker(false));
        type.addMethod(worker(true));
        type.addTypes(parts);
        models.forEach(model -> type.addOriginatingElement(model.element()));
        deferred.forEach(model -> type.addOriginatingElement(model.element()));
        return JavaFile.builder(packageName, type.build())
                .skipJavaLangImports(true)
                .build();
    }

    /** The initializer of {@code REGISTRY}; adds the part classes to {@code parts}. */
    private static CodeBlock operations(List<OperationModel> models, List<TypeSpec> parts) {
        if (models.isEmpty()) {
            return CodeBlock.of("$T.of()", LIST);
        }
        List<CodeBlock> lists = new ArrayList<>();
        List<List<OperationModel>> slices = SourcePartWriter.split(models);
        for (int part = 0; part < slices.size(); part++) {
            String name = "Part" + part;
            List<SourcePartWriter.Entry> entries = new ArrayList<>();
            List<String> data = new ArrayList<>();
            for (OperationModel model : slices.get(part)) {
                entries.add(new SourcePartWriter.Entry(null, model.typeName(), model.constructible()));
                data.add(DescriptorData.encode(model));
            }
            parts.add(SourcePartWriter.writeEncoded(name, OPERATIONS, entries, data, "operations", REGISTRY));
            lists.add(CodeBlock.of("$N.operations()", name));
        }
        return CodeBlock.of("$T.of($L)", REGISTRY, CodeBlock.join(lists, ", "));
    }

    /**
     * The initializer of {@code DEFERRED}: the list itself when one part holds every handler, else the parts' lists
     * joined; adds the part classes to {@code parts}.
     */
    private static CodeBlock deferred(List<DeferredModel> models, List<TypeSpec> parts) {
        List<List<DeferredModel>> slices = SourcePartWriter.split(models);
        boolean single = slices.size() <= 1;
        List<CodeBlock> lists = new ArrayList<>();
        List<SourcePartWriter.Entry> inline = List.of();
        for (int part = 0; part < slices.size(); part++) {
            String name = single ? "DeferredPart" : "DeferredPart" + part;
            List<SourcePartWriter.Entry> entries = new ArrayList<>();
            for (DeferredModel model : slices.get(part)) {
                CodeBlock descriptor = CodeBlock.of(
                        "new $T($S, $S, $L, new $N($L))",
                        DEFERRED_DESCRIPTOR,
                        model.alias(),
                        model.binaryName(),
                        model.constructible(),
                        name,
                        entries.size());
                entries.add(new SourcePartWriter.Entry(descriptor, model.typeName(), model.constructible()));
            }
            parts.add(SourcePartWriter.write(name, DEFERRED, entries, single ? null : "handlers"));
            lists.add(CodeBlock.of("$N.handlers()", name));
            inline = entries;
        }
        if (single) {
            return SourcePartWriter.list(inline);
        }
        return CodeBlock.of("$T.of($L).flatMap($T::stream).toList()", STREAM, CodeBlock.join(lists, ", "), LIST);
    }

    private static MethodSpec getter(String name, TypeName type, String field, boolean isStatic, String javadoc) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name).returns(type).addStatement("return $N", field);
        if (isStatic) {
            method.addModifiers(Modifier.PUBLIC, Modifier.STATIC).addJavadoc(javadoc);
        } else {
            method.addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
        }
        return method.build();
    }

    private static MethodSpec sequencer(boolean withDataSource) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("sequencer")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(SEQUENCER);
        if (withDataSource) {
            method.addParameter(DATA_SOURCE, "dataSource");
        }
        return method.addStatement(
                        "return $T.configure().loadConfiguration()$L.registry(REGISTRY).deferredHandlers(DEFERRED).load()",
                        SEQUENCER,
                        withDataSource ? ".dataSource(dataSource)" : "")
                .build();
    }

    private static MethodSpec run(String name, boolean withDataSource) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(RUN_REPORT);
        if (withDataSource) {
            method.addParameter(DATA_SOURCE, "dataSource");
        }
        return method.beginControlFlow(
                        "try ($T sequencer = sequencer($L))", SEQUENCER, withDataSource ? "dataSource" : "")
                .addStatement("return sequencer.$N()", name)
                .endControlFlow()
                .build();
    }

    /** {@code worker()}: a worker that closes its Sequencer when it is closed. */
    private static MethodSpec worker(boolean withDataSource) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("worker")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(WORKER);
        if (withDataSource) {
            method.addParameter(DATA_SOURCE, "dataSource");
        }
        return method.addStatement("return $T.closing(sequencer($L))", WORKER, withDataSource ? "dataSource" : "")
                .build();
    }
}
