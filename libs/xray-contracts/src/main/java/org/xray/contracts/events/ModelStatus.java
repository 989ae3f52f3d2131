package org.xray.contracts.events;

/** A published model's role: CURRENT is the version alerts come from; a CHALLENGER is a candidate run alongside it. */
public enum ModelStatus {
    CURRENT,
    CHALLENGER
}
