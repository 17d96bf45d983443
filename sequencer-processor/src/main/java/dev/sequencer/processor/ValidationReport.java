package dev.sequencer.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
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
        printTo(messager, Set.of());
    }

    /**
     * Prints every problem as an error; one on a class in {@code earlier} (compiled by an earlier build, so javac has
     * no source position for it) is printed without a position, naming the class.
     */
    void printTo(Messager messager, Set<Element> earlier) {
        for (Problem problem : problems) {
            if (problem.element() == null) {
                messager.printMessage(Diagnostic.Kind.ERROR, problem.text());
            } else if (earlier.contains(problem.element())) {
                messager.printMessage(
                        Diagnostic.Kind.ERROR, Message.EARLIER_BUILD.format(problem.text(), problem.element()));
            } else {
                messager.printMessage(
                        Diagnostic.Kind.ERROR, problem.text(), problem.element(), problem.mirror(), problem.value());
            }
        }
    }
}
