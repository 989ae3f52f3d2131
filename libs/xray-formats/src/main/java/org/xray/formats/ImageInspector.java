package org.xray.formats;

import org.xray.contracts.RejectionReason;

import java.util.Optional;
import org.xray.contracts.ImageFormat;

/** Sniffs and validates an untrusted upload; the entry point ingest calls before anything else touches the bytes. */
public final class ImageInspector {
    private ImageInspector() {
    }

    /**
     * @return the format, size and (for DICOM) attributes of a structurally valid image
     * @throws InvalidImageException with a {@link RejectionReason} and a message the sender can act on
     */
    public static InspectedImage inspect(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidImageException(RejectionReason.EMPTY,
                    "The upload is empty (0 bytes); send a " + FormatSniffer.ACCEPTED + " image");
        }
        ImageFormat format = FormatSniffer.sniff(bytes).orElseThrow(() -> FormatSniffer.unrecognized(bytes));
        return switch (format) {
            case PNG -> {
                PngWalker.Structure png = PngWalker.walk(bytes);
                yield new InspectedImage(ImageFormat.PNG, png.width(), png.height(), Optional.empty());
            }
            case JPEG -> {
                JpegWalker.Structure jpeg = JpegWalker.walk(bytes);
                yield new InspectedImage(ImageFormat.JPEG, jpeg.width(), jpeg.height(), Optional.empty());
            }
            case DICOM -> DicomImageValidator.validate(DicomReader.read(bytes));
        };
    }

    /**
     * The SOP Class and Instance UIDs of a DICOM file, read from its meta header only, so that a refusal (say, of an
     * unsupported transfer syntax) can still name the instance. Empty when the bytes are not that far readable.
     */
    public static Optional<SopReference> sopReference(byte[] bytes) {
        if (bytes == null || !DicomReader.hasPart10Prefix(bytes)) {
            return Optional.empty();
        }
        try {
            DicomDataset meta = DicomReader.readMetaGroup(bytes);
            return meta.string(Tag.MEDIA_STORAGE_SOP_CLASS_UID).flatMap(sopClass ->
                    meta.string(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID).map(instance -> new SopReference(sopClass, instance)));
        } catch (InvalidImageException e) {
            return Optional.empty();
        }
    }
}
