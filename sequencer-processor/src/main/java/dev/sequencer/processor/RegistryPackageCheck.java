package dev.sequencer.processor;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * What the package chosen for {@code GeneratedSequencer} already holds: a class of this compilation by that name
 * (which the registry cannot replace), and classes named like {@code java.lang} types (which the registry must then
 * name with their package).
 */
final class RegistryPackageCheck {

    private final Elements elements;

    RegistryPackageCheck(Elements elements) {
        this.elements = elements;
    }

    /** The class of this compilation ({@code compiled}, by qualified name) that has the registry's name, or null. */
    TypeElement clash(String packageName, Collection<String> compiled) {
        String registry = RegistryFiler.qualifiedName(packageName);
        return compiled.contains(registry) ? elements.getTypeElement(registry) : null;
    }

    /** The simple names of the package's classes (from sources or the class path) that {@code java.lang} also has. */
    Set<String> javaLangClashes(String packageName) {
        Set<String> clashes = new TreeSet<>();
        PackageElement pkg = elements.getPackageElement(packageName);
        if (pkg == null) {
            return clashes;
        }
        for (Element member : pkg.getEnclosedElements()) {
            String simpleName = member.getSimpleName().toString();
            if (member instanceof TypeElement && elements.getTypeElement("java.lang." + simpleName) != null) {
                clashes.add(simpleName);
            }
        }
        return clashes;
    }
}
