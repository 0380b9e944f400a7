package vn.dvc.catalogue;

import java.util.List;

/** The components required in one case of a procedure ("Trường hợp ..."). */
public record ComponentCase(String caseName, List<DossierComponent> components) {
}
