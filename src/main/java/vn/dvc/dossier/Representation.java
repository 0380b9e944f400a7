package vn.dvc.dossier;

/**
 * A submission made by an authorised representative (the signed-in account holder) for someone else:
 * whom they represent and on what authority (e.g. "Giấy ủy quyền số 12/UQ ngày 01/11/2026").
 */
public record Representation(String representedName, String representedId, String authorisation) {
}
