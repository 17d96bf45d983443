package dev.sequencer.processor;

import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * An {@code @Operation} class as far as it could be read: its timestamp and name are {@code null} when they are
 * invalid (that problem is reported elsewhere), so that later checks can skip what they cannot judge.
 *
 * @param annotation the class and its annotation
 * @param timestamp fourteen digits, or {@code null} when malformed or impossible
 * @param name the explicit or derived name, or {@code null} when it cannot be known
 */
record OperationCandidate(ClassAnnotation annotation, String timestamp, String name) {

    static OperationCandidate read(ClassAnnotation annotation) {
        String raw = annotation.string("timestamp");
        String timestamp = OperationTimestamp.isWellFormed(raw) && OperationTimestamp.isRealDateTime(raw)
                ? OperationTimestamp.digits(raw)
                : null;
        String explicitName = annotation.string("name");
        String name = explicitName.isEmpty() ? derivedName(annotation, timestamp) : explicitName;
        return new OperationCandidate(
                annotation, timestamp, name != null && OperationNames.isValid(name) ? name : null);
    }

    /**
     * The name derived from timestamp and class when no name is given but it breaks the rule of names (too long, or
     * with characters such as {@code $} or non-ASCII letters that class names allow); else {@code null}.
     */
    String invalidDerivedName() {
        String derived = annotation.string("name").isEmpty() ? derivedName(annotation, timestamp) : null;
        return derived != null && !OperationNames.isValid(derived) ? derived : null;
    }

    private static String derivedName(ClassAnnotation annotation, String timestamp) {
        return timestamp == null
                ? null
                : OperationNames.derive(
                        timestamp, annotation.type().getSimpleName().toString());
    }

    TypeElement type() {
        return annotation.type();
    }

    String qualifiedName() {
        return type().getQualifiedName().toString();
    }

    /** Whether both timestamp and name are known, so that the order can be judged. */
    boolean isOrdered() {
        return timestamp != null && name != null;
    }

    /** Whether this operation runs strictly before {@code other}; both must be {@link #isOrdered()}. */
    boolean comesBefore(OperationCandidate other) {
        int byTimestamp = timestamp.compareTo(other.timestamp);
        return byTimestamp < 0 || (byTimestamp == 0 && name.compareTo(other.name) < 0);
    }

    /** The class name without its package ({@code Outer.Inner}), for messages. */
    String displayName(Elements elements) {
        PackageElement pkg = elements.getPackageOf(type());
        String qualified = qualifiedName();
        return pkg.isUnnamed()
                ? qualified
                : qualified.substring(pkg.getQualifiedName().length() + 1);
    }
}
