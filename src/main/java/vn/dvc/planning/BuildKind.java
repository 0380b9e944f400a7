package vn.dvc.planning;

/** How a planned level-4 service comes about. */
public enum BuildKind {
    /** Built new as a level-4 service (xây dựng mới). */
    NEW_BUILD,
    /** An existing level-3 service upgraded to level 4 (nâng cấp từ mức độ 3 lên mức độ 4). */
    UPGRADE
}
