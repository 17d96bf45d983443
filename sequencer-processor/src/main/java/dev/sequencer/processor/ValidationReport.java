package dev.sequencer.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/** The problems found in one compilation, in the order they were found. Code is generated only when it is clean. */
final class ValidationReport {

    private final List<Problem> problems = new ArrayList<>();

    void add(Problem problem) {
        problems.add(problem);
    }

    boolean isClean() {
        return problems.isEmpty();
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    void printTo(Messager messager) {
        for (Problem problem : problems) {
            if (problem.element() == null) {
                messager.printMessage(Diagnostic.Kind.ERROR, problem.text());
            } else {
                messager.printMessage(
                        Diagnostic.Kind.ERROR, problem.text(), problem.element(), problem.mirror(), problem.value());
            }
        }
    }
}
