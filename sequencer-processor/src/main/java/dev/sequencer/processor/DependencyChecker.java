package dev.sequencer.processor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Checks {@code dependsOn}: each entry must be an {@code @Operation} class other than the operation itself that comes
 * earlier in the order; cycles are reported as such, naming the path, on every edge of the cycle. Dependencies on
 * operations of other compilations (read from the class path) are allowed and ordered the same way, as long as a
 * registry can hold them and their module was compiled with the processor ({@link PackageListing}).
 */
final class DependencyChecker {

    /** One {@code dependsOn} entry that names an operation. */
    private record Edge(OperationCandidate from, OperationCandidate to, AnnotationValue entry, boolean local) {}

    private final Elements elements;
    private final ClassShape shape;
    private final PackageListing listing;
    private final Map<String, OperationCandidate> byClass;

    /**
     * @param byClass the operations of the registry (this compilation's and those carried over from earlier builds)
     *     by qualified class name, iterated in a stable order
     */
    DependencyChecker(
            Elements elements, ClassShape shape, PackageListing listing, Map<String, OperationCandidate> byClass) {
        this.elements = elements;
        this.shape = shape;
        this.listing = listing;
        this.byClass = byClass;
    }

    /**
     * Reports every problem with {@code dependsOn} and returns, per qualified class name, the names of its
     * dependencies in declared order.
     */
    Map<String, List<String>> check(ValidationReport report) {
        Map<String, List<Edge>> edges = new LinkedHashMap<>();
        for (OperationCandidate from : byClass.values()) {
            edges.put(from.qualifiedName(), readEdges(from, report));
        }
        Map<String, Integer> component = new StronglyConnected(edges).components();
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (List<Edge> outgoing : edges.values()) {
            for (Edge edge : outgoing) {
                String from = edge.from().qualifiedName();
                String to = edge.to().qualifiedName();
                if (edge.local() && component.get(from).equals(component.get(to))) {
                    report.add(onEntry(edge, Message.DEPENDENCY_CYCLE, cyclePath(edge, edges, component)));
                } else if (edge.from().isOrdered()
                        && edge.to().isOrdered()
                        && !edge.to().comesBefore(edge.from())) {
                    report.add(onEntry(
                            edge,
                            Message.DEPENDS_ON_LATER,
                            edge.from().displayName(elements),
                            edge.to().displayName(elements),
                            edge.to().name()));
                }
            }
        }
        for (Map.Entry<String, List<Edge>> entry : edges.entrySet()) {
            names.put(
                    entry.getKey(),
                    entry.getValue().stream()
                            .map(edge -> edge.to().name())
                            .filter(name -> name != null)
                            .collect(Collectors.toList()));
        }
        return names;
    }

    private List<Edge> readEdges(OperationCandidate from, ValidationReport report) {
        List<Edge> edges = new ArrayList<>();
        for (AnnotationValue entry : from.annotation().entries("dependsOn")) {
            if (!(entry.getValue() instanceof TypeMirror literal) || literal.getKind() == TypeKind.ERROR) {
                continue; // an unresolvable class literal: javac reports it
            }
            if (!(literal instanceof DeclaredType declared)) {
                report.add(problemOn(
                        from, entry, Message.DEPENDENCY_NOT_AN_OPERATION, from.displayName(elements), literal));
                continue; // int.class, void.class, an array
            }
            TypeElement target = (TypeElement) declared.asElement();
            String qualifiedName = target.getQualifiedName().toString();
            if (qualifiedName.equals(from.qualifiedName())) {
                report.add(problemOn(from, entry, Message.DEPENDS_ON_ITSELF, from.displayName(elements)));
                continue;
            }
            OperationCandidate local = byClass.get(qualifiedName);
            Optional<OperationCandidate> to = local != null
                    ? Optional.of(local)
                    : ClassAnnotation.of(target, ClassAnnotation.OPERATION, elements)
                            .map(OperationCandidate::read);
            if (to.isEmpty()) {
                report.add(problemOn(
                        from, entry, Message.DEPENDENCY_NOT_AN_OPERATION, from.displayName(elements), qualifiedName));
                continue;
            }
            if (local == null) {
                Problem unreachable = checkOnClassPath(from, entry, target);
                if (unreachable != null) {
                    report.add(unreachable);
                    continue;
                }
            }
            edges.add(new Edge(from, to.get(), entry, local != null));
        }
        return edges;
    }

    /**
     * The problem with depending on the class-path operation {@code target}, or {@code null}: no registry can hold it
     * (it is abstract, not public, ...), or its module was compiled without the processor.
     */
    private Problem checkOnClassPath(OperationCandidate from, AnnotationValue entry, TypeElement target) {
        ValidationReport shapeProblems = new ValidationReport();
        shape.check(
                target,
                "@Operation",
                OperationValidator.OPERATION_HANDLER,
                Message.NOT_AN_OPERATION_HANDLER,
                shapeProblems);
        String qualifiedName = target.getQualifiedName().toString();
        if (!shapeProblems.isClean()) {
            return problemOn(
                    from,
                    entry,
                    Message.DEPENDENCY_NOT_REGISTRABLE,
                    from.displayName(elements),
                    qualifiedName,
                    shapeProblems.problems().get(0).text());
        }
        if (!listing.isListed(target)) {
            return problemOn(from, entry, Message.DEPENDENCY_NOT_REGISTERED, from.displayName(elements), qualifiedName);
        }
        return null;
    }

    /** The shortest cycle through {@code edge}: {@code A -> B -> ... -> A}, in class names without package. */
    private String cyclePath(Edge edge, Map<String, List<Edge>> edges, Map<String, Integer> component) {
        String start = edge.from().qualifiedName();
        Map<String, Edge> reachedBy = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(edge.to().qualifiedName()));
        reachedBy.put(edge.to().qualifiedName(), edge);
        while (!queue.isEmpty() && !reachedBy.containsKey(start + "#")) {
            String current = queue.removeFirst();
            for (Edge next : edges.get(current)) {
                String target = next.to().qualifiedName();
                if (!next.local() || !component.get(target).equals(component.get(start))) {
                    continue;
                }
                String key = target.equals(start) ? start + "#" : target;
                if (!reachedBy.containsKey(key)) {
                    reachedBy.put(key, next);
                    queue.addLast(target);
                }
            }
        }
        List<String> path = new ArrayList<>();
        String key = start + "#";
        while (true) {
            Edge step = reachedBy.get(key);
            path.add(0, step.to().displayName(elements));
            if (step == edge) {
                break;
            }
            key = step.from().qualifiedName();
        }
        path.add(0, edge.from().displayName(elements));
        return String.join(" -> ", path);
    }

    private Problem onEntry(Edge edge, Message message, Object... arguments) {
        return problemOn(edge.from(), edge.entry(), message, arguments);
    }

    private static Problem problemOn(
            OperationCandidate from, AnnotationValue entry, Message message, Object... arguments) {
        return Problem.onValue(from.type(), from.annotation().mirror(), entry, message, arguments);
    }

    /**
     * Tarjan's strongly connected components over the local edges; nodes in a cycle share a component number.
     * Iterative, with an explicit stack of frames, so that a chain of any length cannot overflow javac's stack.
     */
    private static final class StronglyConnected {
        /** A node being visited and how far through its edges the visit has got. */
        private static final class Frame {
            final String node;
            final Iterator<Edge> edges;

            Frame(String node, Iterator<Edge> edges) {
                this.node = node;
                this.edges = edges;
            }
        }

        private final Map<String, List<Edge>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> lowLink = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final Map<String, Integer> component = new HashMap<>();
        private int counter;

        StronglyConnected(Map<String, List<Edge>> edges) {
            this.edges = edges;
        }

        Map<String, Integer> components() {
            for (String node : edges.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return component;
        }

        private void visit(String root) {
            Deque<Frame> frames = new ArrayDeque<>();
            frames.push(enter(root));
            while (!frames.isEmpty()) {
                Frame frame = frames.peek();
                if (frame.edges.hasNext()) {
                    Edge edge = frame.edges.next();
                    String target = edge.to().qualifiedName();
                    if (!edge.local()) {
                        continue;
                    }
                    if (!index.containsKey(target)) {
                        frames.push(enter(target));
                    } else if (onStack.contains(target)) {
                        lowLink.put(frame.node, Math.min(lowLink.get(frame.node), index.get(target)));
                    }
                    continue;
                }
                frames.pop();
                leave(frame.node);
                if (!frames.isEmpty()) {
                    String parent = frames.peek().node;
                    lowLink.put(parent, Math.min(lowLink.get(parent), lowLink.get(frame.node)));
                }
            }
        }

        private Frame enter(String node) {
            index.put(node, counter);
            lowLink.put(node, counter);
            counter++;
            stack.push(node);
            onStack.add(node);
            return new Frame(node, edges.get(node).iterator());
        }

        /** Closes the component rooted at {@code node}, if it is a root. */
        private void leave(String node) {
            if (lowLink.get(node).equals(index.get(node))) {
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.put(member, index.get(node));
                } while (!member.equals(node));
            }
        }
    }
}
