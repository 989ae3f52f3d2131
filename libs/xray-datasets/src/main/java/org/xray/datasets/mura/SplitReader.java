package org.xray.datasets.mura;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one split's two CSV files, cross-checks them and the image files, and groups images into studies. */
final class SplitReader {

    /** What one split holds; {@code patientLines} says where each patient first appears, for the split check. */
    record Contents(List<MuraImage> images, List<MuraStudy> studies, Map<String, CsvLines.Line> patientLines) {
    }

    private record LabeledStudy(CsvLines.Line line, StudyPath path, boolean abnormal, List<MuraImage> images) {
    }

    private SplitReader() {
    }

    static Contents read(Path datasetDir, Split split) {
        Path labeledCsv = datasetDir.resolve(MuraLayout.labeledStudiesCsv(split));
        Path imagesCsv = datasetDir.resolve(MuraLayout.imagePathsCsv(split));
        Map<String, LabeledStudy> studies = readLabels(labeledCsv, split);
        List<MuraImage> images = new ArrayList<>();
        Map<String, CsvLines.Line> patientLines = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (CsvLines.Line line : CsvLines.read(imagesCsv)) {
            StudyPath path = parse(line, line.text(), true);
            requireSplit(line, path, split);
            if (!seen.add(path.relativeToDataset())) {
                throw line.error("image listed twice: " + line.text());
            }
            LabeledStudy study = studies.get(path.studyKey());
            if (study == null) {
                throw line.error("study " + path.studyKey() + " of this image is not listed in " + labeledCsv);
            }
            Path file = datasetDir.resolve(path.relativeToDataset());
            if (!Files.isRegularFile(file)) {
                throw line.error("listed image does not exist: " + file);
            }
            MuraImage image = new MuraImage(file.toAbsolutePath(), split, path.bodyPart(), path.patientId(),
                    path.studyKey(), study.abnormal());
            images.add(image);
            study.images().add(image);
            patientLines.putIfAbsent(path.patientId(), line);
        }
        List<MuraStudy> result = new ArrayList<>(studies.size());
        for (LabeledStudy study : studies.values()) {
            if (study.images().isEmpty()) {
                throw study.line().error("study " + study.path().studyKey() + " has no images in " + imagesCsv);
            }
            StudyPath p = study.path();
            result.add(new MuraStudy(p.studyKey(), split, p.bodyPart(), p.patientId(), study.abnormal(), study.images()));
        }
        return new Contents(List.copyOf(images), List.copyOf(result), patientLines);
    }

    private static Map<String, LabeledStudy> readLabels(Path labeledCsv, Split split) {
        Map<String, LabeledStudy> studies = new LinkedHashMap<>();
        for (CsvLines.Line line : CsvLines.read(labeledCsv)) {
            String[] fields = line.text().split(",", -1);
            if (fields.length != 2) {
                throw line.error("expected '<study path>/,<0|1>' but got '" + line.text() + "'");
            }
            StudyPath path = parse(line, fields[0].strip(), false);
            requireSplit(line, path, split);
            String label = fields[1].strip();
            if (!label.equals("0") && !label.equals("1")) {
                throw line.error("label '" + label + "' is not 0 or 1");
            }
            boolean abnormal = label.equals("1");
            if (abnormal != path.abnormalByName()) {
                throw line.error("label " + label + " contradicts the study directory name " + path.studyKey());
            }
            if (studies.putIfAbsent(path.studyKey(), new LabeledStudy(line, path, abnormal, new ArrayList<>())) != null) {
                throw line.error("study listed twice: " + path.studyKey());
            }
        }
        return studies;
    }

    private static StudyPath parse(CsvLines.Line line, String text, boolean withImage) {
        try {
            return StudyPath.parse(text, withImage);
        } catch (IllegalArgumentException e) {
            throw line.error(e.getMessage());
        }
    }

    private static void requireSplit(CsvLines.Line line, StudyPath path, Split split) {
        if (path.split() != split) {
            throw line.error("path is in split '" + path.split().dirName() + "' but the file lists split '"
                    + split.dirName() + "'");
        }
    }
}
