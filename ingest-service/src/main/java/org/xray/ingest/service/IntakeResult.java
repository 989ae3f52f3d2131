package org.xray.ingest.service;

import java.util.Optional;

import org.xray.contracts.BodyPart;
import org.xray.contracts.ImageFormat;

/**
 * What ingest did with an accepted image.
 *
 * @param sopClassUid the DICOM SOP Class UID; absent for PNG and JPEG
 * @param duplicate   true when the same image id was already published: nothing new was sent
 */
public record IntakeResult(String imageId, String studyId, BodyPart bodyPart, ImageFormat format,
                           Optional<String> sopClassUid, boolean duplicate) {
}
