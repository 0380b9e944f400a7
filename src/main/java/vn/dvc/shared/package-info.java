/**
 * Small building blocks every module may use: Vietnamese text folding for search, paging, error
 * answers, Vietnam's time zone, and the rules of national identifiers (citizen identity number, tax code,
 * telephone number). Nothing here knows about any business capability.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.dvc.shared;
