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
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code GeneratedSequencer}: the ordered registry plus the static entry points of the specification.
 *
 * <p>Operations are split into parts of at most {@value #PART_SIZE}, each a private static nested class, so that a
 * registry of 10,000 operations stays within the JVM's 64 KB method and 65,535 constant limits. A part implements
 * {@code OperationDescriptor.Source} with switches over class literals and constructor calls, which the JVM resolves
 * only when a case runs: an operation's class is loaded only when that operation is about to run. No lambdas or
 * method references: 10,000 of them would spin 10,000 hidden classes at start.
 */
final class RegistryWriter {

    static final String CLASS_NAME = "GeneratedSequencer";
    static final int PART_SIZE = 200;

    private static final String RUNTIME = "dev.sequencer";
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final ClassName LIST = ClassName.get("java.util", "List");
    private static final ClassName DATA_SOURCE = ClassName.get("javax.sql", "DataSource");
    private static final ClassName DESCRIPTOR = ClassName.get(RUNTIME, "OperationDescriptor");
    private static final ClassName SOURCE = DESCRIPTOR.nestedClass("Source");
    private static final ClassName REGISTRY = ClassName.get(RUNTIME, "OperationRegistry");
    private static final ClassName HANDLER = ClassName.get(RUNTIME, "OperationHandler");
    private static final ClassName SEQUENCER = ClassName.get(RUNTIME, "Sequencer");
    private static final ClassName RUN_REPORT = ClassName.get(RUNTIME, "RunReport");
    private static final TypeName DESCRIPTORS = ParameterizedTypeName.get(LIST, DESCRIPTOR);
    private static final TypeName HANDLER_CLASS =
            ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(HANDLER));

    private RegistryWriter() {}

    /** The source of the registry for {@code models} (in run order) in {@code packageName}. */
    static JavaFile write(String packageName, List<OperationModel> models) {
        TypeSpec.Builder type = TypeSpec.classBuilder(CLASS_NAME)
                .addAnnotation(AnnotationSpec.builder(GENERATED)
                        .addMember("value", "$S", SequencerProcessor.class.getCanonicalName())
                        .build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(REGISTRY);
        List<List<OperationModel>> parts = split(models);
        List<CodeBlock> partLists = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            partLists.add(CodeBlock.of("$N.operations()", partName(i)));
        }
        type.addField(FieldSpec.builder(DESCRIPTORS, "REGISTRY", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.of($L)", REGISTRY, CodeBlock.join(partLists, ", "))
                .build());
        type.addMethod(MethodSpec.constructorBuilder()
                .addJavadoc("For ServiceLoader; use the static methods.")
                .addModifiers(Modifier.PUBLIC)
                .build());
        type.addMethod(MethodSpec.methodBuilder("operations")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(DESCRIPTORS)
                .addStatement("return REGISTRY")
                .build());
        type.addMethod(MethodSpec.methodBuilder("registry")
                .addJavadoc("The ordered, immutable list of operation descriptors.")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(DESCRIPTORS)
                .addStatement("return REGISTRY")
                .build());
        type.addMethod(sequencer(false));
        type.addMethod(sequencer(true));
        for (String run : List.of("migrate", "process")) {
            type.addMethod(run(run, false));
            type.addMethod(run(run, true));
        }
        for (int i = 0; i < parts.size(); i++) {
            type.addType(part(i, parts.get(i)));
        }
        for (OperationModel model : models) {
            type.addOriginatingElement(model.element());
        }
        return JavaFile.builder(packageName, type.build())
                .skipJavaLangImports(true)
                .build();
    }

    private static List<List<OperationModel>> split(List<OperationModel> models) {
        List<List<OperationModel>> parts = new ArrayList<>();
        for (int from = 0; from < models.size(); from += PART_SIZE) {
            parts.add(models.subList(from, Math.min(models.size(), from + PART_SIZE)));
        }
        return parts;
    }

    private static String partName(int index) {
        return "Part" + index;
    }

    private static MethodSpec sequencer(boolean withDataSource) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("sequencer")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(SEQUENCER);
        if (withDataSource) {
            method.addParameter(DATA_SOURCE, "dataSource")
                    .addStatement(
                            "return $T.configure().loadConfiguration().dataSource(dataSource).registry(REGISTRY).load()",
                            SEQUENCER);
        } else {
            method.addStatement("return $T.configure().loadConfiguration().registry(REGISTRY).load()", SEQUENCER);
        }
        return method.build();
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

    private static TypeSpec part(int partIndex, List<OperationModel> models) {
        ClassName self = ClassName.get("", partName(partIndex));
        CodeBlock.Builder descriptors = CodeBlock.builder().add("return $T.of(\n$>$>", LIST);
        CodeBlock.Builder types = CodeBlock.builder().beginControlFlow("switch (index)");
        CodeBlock.Builder instances = CodeBlock.builder().beginControlFlow("switch (index)");
        for (int i = 0; i < models.size(); i++) {
            OperationModel model = models.get(i);
            descriptors.add(i == 0 ? "" : ",\n").add(descriptor(model, partIndex, i));
            types.add("case $L:\n$>return $T.class;\n$<", i, model.typeName());
            if (model.constructible()) {
                instances.add("case $L:\n$>return new $T();\n$<", i, model.typeName());
            } else {
                instances.add("case $L:\n$>return null;\n$<", i);
            }
        }
        descriptors.add(");\n$<$<");
        for (CodeBlock.Builder cases : List.of(types, instances)) {
            cases.add("default:\n$>throw new $T($S + index);\n$<", IllegalStateException.class, "No operation ")
                    .endControlFlow();
        }
        return TypeSpec.classBuilder(self.simpleName())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(SOURCE)
                .addField(int.class, "index", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .addParameter(int.class, "index")
                        .addStatement("this.index = index")
                        .build())
                .addMethod(MethodSpec.methodBuilder("operations")
                        .addModifiers(Modifier.STATIC)
                        .returns(DESCRIPTORS)
                        .addCode(descriptors.build())
                        .build())
                .addMethod(MethodSpec.methodBuilder("type")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(HANDLER_CLASS)
                        .addCode(types.build())
                        .build())
                .addMethod(MethodSpec.methodBuilder("newInstance")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(HANDLER)
                        .addCode(instances.build())
                        .build())
                .build();
    }

    private static CodeBlock descriptor(OperationModel model, int partIndex, int index) {
        return CodeBlock.of(
                "new $T($S, $S, $S, $S, $L, $L, $S, $L, $L, $L, new $N($L))",
                DESCRIPTOR,
                model.name(),
                model.timestamp(),
                model.binaryName(),
                model.description(),
                strings(model.tags()),
                strings(model.dependsOn()),
                model.afterMigration(),
                model.transactional(),
                model.asynchronous(),
                model.constructible(),
                partName(partIndex),
                index);
    }

    private static CodeBlock strings(List<String> values) {
        return CodeBlock.of(
                "$T.of($L)",
                LIST,
                values.stream().map(value -> CodeBlock.of("$S", value)).collect(CodeBlock.joining(", ")));
    }
}
