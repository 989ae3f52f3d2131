package org.xray.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import javax.imageio.ImageIO;

/**
 * DICOM files made from 8-bit gray PNGs by dcmtk's {@code img2dcm} (installed by {@code bin/test}): a CR image of the
 * hand, Explicit VR Little Endian, MONOCHROME2, with new study, series and instance UIDs on every call.
 */
final class Img2Dcm {

    private Img2Dcm() {
    }

    /**
     * @throws IllegalStateException when img2dcm is missing or fails
     */
    static Path handRadiograph(byte[] png, Path directory, String patientId) {
        String name = "hand-" + UUID.randomUUID();
        Path bmp = directory.resolve(name + ".bmp");
        Path dicom = directory.resolve(name + ".dcm");
        try {
            Files.createDirectories(directory);
            // img2dcm reads JPEG (lossy, and encapsulated, which ingest refuses) or BMP: BMP keeps the pixels.
            ImageIO.write(ImageIO.read(new ByteArrayInputStream(png)), "bmp", bmp.toFile());
            Process img2dcm = new ProcessBuilder("img2dcm", "-i", "BMP", "-k", "Modality=CR",
                    "-k", "BodyPartExamined=HAND", "-k", "PatientID=" + patientId, bmp.toString(), dicom.toString())
                    .redirectErrorStream(true).start();
            String output = new String(img2dcm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (img2dcm.waitFor() != 0) {
                throw new IllegalStateException("img2dcm failed: " + output);
            }
            Files.delete(bmp);
            return dicom.toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a DICOM file with img2dcm (dcmtk; bin/test installs it): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running img2dcm", e);
        }
    }
}
