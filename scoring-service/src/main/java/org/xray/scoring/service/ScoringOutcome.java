package org.xray.scoring.service;

import java.util.Optional;

import org.xray.contracts.RejectionReason;
import org.xray.contracts.events.AlertEvent;
import org.xray.contracts.events.ScoreEvent;

/** What became of one preprocessed image. */
public sealed interface ScoringOutcome {

    /** Scored: its score event, the alert it raised if any, and its shadow score if a challenger scored it too. */
    record Scored(ScoreEvent score, Optional<AlertEvent> alert, Optional<ScoreEvent> shadow) implements ScoringOutcome {
    }

    /** Not scorable; the record goes to the dead-letter topic with this reason. */
    record Refused(RejectionReason reason, String message) implements ScoringOutcome {
    }
}
