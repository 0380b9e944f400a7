/**
 * Planning: the yearly plan of services to bring to level 4 (plan 2575/KH-UBND), registered by agencies
 * and consolidated by the provincial coordinator, plan documents kept as written with checks of what
 * does not add up, and tracking of the live level-4 services against the plan and the target.
 */
package vn.dvc.planning;
