/**
 * Small building blocks every module may use: Vietnamese text folding for search, paging, error
 * answers and the clock. Nothing here knows about any business capability.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.dvc.shared;
