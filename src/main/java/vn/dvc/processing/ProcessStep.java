package vn.dvc.processing;

import vn.dvc.identity.Role;

/**
 * One step of an internal process.
 *
 * @param name what is done, as officers call it (e.g. "Thụ lý, xử lý hồ sơ")
 * @param role who does it: the officers of the agency with this role
 * @param budgetPercent the step's share of the dossier's legal processing time, in percent: a step opened at
 *        {@code t} is due when that share of the working time from receipt to the due time has passed after
 *        {@code t} on the agency's working calendar
 * @param maySendBack whether the dossier may be sent back from this step to the previous one
 */
public record ProcessStep(String name, Role role, int budgetPercent, boolean maySendBack) {
}
