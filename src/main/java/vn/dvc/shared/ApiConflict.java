package vn.dvc.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An API operation that can answer 409 {@code conflict} (a {@link ConflictException}: the dossier, plan or
 * definition is not in a state that allows the call): the OpenAPI file declares it with this description,
 * next to the operation's own success answer.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiConflict {

    /** When the conflict happens, in Vietnamese. */
    String value();
}
