/**
 * Organisation: the province's administrative units and its agencies at three levels, with official
 * codes and effective dates so that renames, mergers and dissolutions keep their history.
 */
package vn.dvc.organisation;
