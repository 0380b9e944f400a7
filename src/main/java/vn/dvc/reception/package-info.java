/**
 * Reception: the reception officer's queue per agency, receiving, refusing and asking for supplements
 * (Circular 01/2018), with the receipt and appointment slip (form 01) as a PDF.
 */
package vn.dvc.reception;
