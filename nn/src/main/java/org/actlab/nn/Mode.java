package org.actlab.nn;

/** Training or evaluation: dropout, batch norm and rrelu behave differently in each. */
public enum Mode { TRAIN, EVAL }
