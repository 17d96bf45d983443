package dev.sequencer.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * One error found by validation, with the position an IDE should underline: the annotation value when the problem
 * concerns an attribute, else the element (or nothing, for problems of the whole compilation).
 */
record Problem(Message message, String text, Element element, AnnotationMirror mirror, AnnotationValue value) {

    static Problem on(Element element, Message message, Object... arguments) {
        return new Problem(message, message.format(arguments), element, null, null);
    }

    static Problem onValue(
            Element element, AnnotationMirror mirror, AnnotationValue value, Message message, Object... arguments) {
        return new Problem(message, message.format(arguments), element, mirror, value);
    }

    static Problem global(Message message, Object... arguments) {
        return new Problem(message, message.format(arguments), null, null, null);
    }
}
