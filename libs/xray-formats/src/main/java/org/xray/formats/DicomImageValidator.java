package org.xray.formats;

import org.xray.contracts.RejectionReason;

import java.util.Optional;
import java.util.OptionalInt;
import org.xray.contracts.ImageFormat;

/** Decides whether a parsed DICOM object is an image we can accept, and extracts its {@link DicomAttributes}. */
final class DicomImageValidator {
    private DicomImageValidator() {
    }

    static InspectedImage validate(DicomFile file) {
        DicomDataset ds = file.dataset();
        Optional<DicomElement> pixelData = ds.find(Tag.PIXEL_DATA);
        if (pixelData.isEmpty()) {
            String sopClass = ds.string(Tag.SOP_CLASS_UID).map(uid -> "SOP Class " + uid).orElse("this SOP Class");
            throw new InvalidImageException(RejectionReason.NOT_AN_IMAGE,
                    "DICOM object has no Pixel Data (7FE0,0010): " + sopClass + " is not an image");
        }
        String sopClassUid = required(ds, Tag.SOP_CLASS_UID, "SOP Class UID");
        String sopInstanceUid = required(ds, Tag.SOP_INSTANCE_UID, "SOP Instance UID");
        String studyInstanceUid = required(ds, Tag.STUDY_INSTANCE_UID, "Study Instance UID");
        int rows = requiredPositive(ds, Tag.ROWS, "Rows");
        int columns = requiredPositive(ds, Tag.COLUMNS, "Columns");
        int bitsAllocated = requiredPositive(ds, Tag.BITS_ALLOCATED, "Bits Allocated");
        if (bitsAllocated != 1 && bitsAllocated % 8 != 0) {
            throw InvalidImageException.corrupt("DICOM image has Bits Allocated (0028,0100) = " + bitsAllocated
                    + "; it must be 1 or a multiple of 8");
        }
        int samples = ds.uint16(Tag.SAMPLES_PER_PIXEL).orElse(1);
        long needed = ((long) rows * columns * Math.max(samples, 1) * bitsAllocated + 7) / 8;
        int actual = pixelData.get().value().length;
        if (actual < needed) {
            throw InvalidImageException.corrupt("DICOM Pixel Data (7FE0,0010) holds " + actual + " bytes but Rows "
                    + rows + " x Columns " + columns + " x Samples per Pixel " + samples + " x Bits Allocated "
                    + bitsAllocated + " need " + needed + "; the pixel data is incomplete");
        }
        DicomAttributes attributes = new DicomAttributes(
                file.transferSyntaxUid(),
                sopClassUid,
                sopInstanceUid,
                studyInstanceUid,
                ds.string(Tag.MODALITY),
                ds.string(Tag.BODY_PART_EXAMINED),
                ds.string(Tag.PATIENT_ID),
                ds.string(Tag.PHOTOMETRIC_INTERPRETATION),
                bitsAllocated);
        return new InspectedImage(ImageFormat.DICOM, columns, rows, Optional.of(attributes));
    }

    private static String required(DicomDataset ds, int tag, String name) {
        return ds.string(tag).orElseThrow(() -> InvalidImageException.corrupt("DICOM image has no " + name + " "
                + Tag.format(tag) + "; the sender must include it (it identifies the image and its study)"));
    }

    private static int requiredPositive(DicomDataset ds, int tag, String name) {
        OptionalInt value = ds.uint16(tag);
        if (value.isEmpty() || value.getAsInt() == 0) {
            throw InvalidImageException.corrupt("DICOM image has no usable " + name + " " + Tag.format(tag)
                    + (value.isEmpty() ? "" : " (it is 0)") + "; the image size cannot be determined");
        }
        return value.getAsInt();
    }
}
