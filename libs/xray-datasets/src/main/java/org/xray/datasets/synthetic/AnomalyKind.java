package org.xray.datasets.synthetic;

/** The abnormalities the synthetic generator draws into bone, after MURA's most common positive findings. */
public enum AnomalyKind {
    /** A dark irregular line across a bone with a displaced, angulated fragment. */
    FRACTURE,
    /** A very bright metal plate along a bone with screws through it. */
    HARDWARE,
    /** Dark rounded lucent region(s) inside a bone. */
    LYTIC_LESION,
    /** A joint gap narrowed or obliterated, with sclerosis and osteophytes at the joint margins. */
    JOINT_SPACE_LOSS
}
