package vn.dvc.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An API operation whose path variable may name nothing and that answers so in its 200 body (verifying a result
 * code: {@code UNKNOWN}) instead of 404: the OpenAPI file does not declare a 404 it never gives.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiAnswersUnknownCodes {
}
