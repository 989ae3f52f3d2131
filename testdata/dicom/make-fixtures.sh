#!/usr/bin/env bash
# Regenerates the DICOM fixtures in this directory with dcmtk only (plus python3 stdlib for raw pixel bytes).
# Deterministic: every UID is fixed below; pixel values are simple gradients.
# Usage: bash testdata/dicom/make-fixtures.sh   (from any directory)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

for tool in dump2dcm dcmcjpeg dcmodify dcmdump; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y dcmtk" >&2; exit 1; }
done

ROOT=1.2.826.0.1.3680043.10.1234   # fixed UID root for these fixtures

# Raw pixel bytes: 8-bit 64x48 gradient, 16-bit 40x30 12-bit-stored gradient, 16-bit 32x32 gradient.
python3 - <<'PY'
import struct
with open("cr8.raw", "wb") as f:
    f.write(bytes((x * 4 + y) & 0xFF for y in range(48) for x in range(64)))
with open("dx16.raw", "wb") as f:
    f.write(b"".join(struct.pack("<H", (x * 100 + y * 10) & 0x0FFF) for y in range(30) for x in range(40)))
with open("mr16.raw", "wb") as f:
    f.write(b"".join(struct.pack("<H", x * 32 + y) for y in range(32) for x in range(32)))
PY

# Common meta header lines; $1 = SOP Class, $2 = SOP Instance, $3 = transfer syntax.
meta() {
  cat <<DUMP
(0002,0001) OB 00\\01
(0002,0002) UI [$1]
(0002,0003) UI [$2]
(0002,0010) UI [$3]
(0002,0012) UI [$ROOT.0.1]
(0002,0013) SH [XRAY_FIXTURES]
DUMP
}

# 1. CR, Explicit VR Little Endian, 8-bit MONOCHROME2 64x48, hand.
CR_SOP=1.2.840.10008.5.1.4.1.1.1
{ meta $CR_SOP $ROOT.1.3 1.2.840.10008.1.2.1; cat <<DUMP
(0008,0008) CS [ORIGINAL\\PRIMARY]
(0008,0016) UI [$CR_SOP]
(0008,0018) UI [$ROOT.1.3]
(0008,0020) DA [20240115]
(0008,0060) CS [CR]
(0008,0090) PN [WELBY^MARCUS]
(0008,1070) PN [OPERATOR^OLIVIA]
(0010,0010) PN [DOE^JANE]
(0010,0020) LO [PAT-12345]
(0010,0030) DA [19800214]
(0010,0040) CS [F]
(0018,0015) CS [HAND]
(0020,000d) UI [$ROOT.1.1]
(0020,000e) UI [$ROOT.1.2]
(0020,0013) IS [1]
(0028,0002) US 1
(0028,0004) CS [MONOCHROME2]
(0028,0010) US 48
(0028,0011) US 64
(0028,0100) US 8
(0028,0101) US 8
(0028,0102) US 7
(0028,0103) US 0
(7fe0,0010) OB =cr8.raw
DUMP
} > cr.dump
dump2dcm -q +te cr.dump "$HERE/cr-explicit-le.dcm"

# 2. DX, Implicit VR Little Endian, 16-bit MONOCHROME1 40x30, wrist; identifiers hidden in a nested
#    sequence (undefined lengths) and in a private tag.
DX_SOP=1.2.840.10008.5.1.4.1.1.1.1
{ meta $DX_SOP $ROOT.2.3 1.2.840.10008.1.2; cat <<DUMP
(0008,0008) CS [ORIGINAL\\PRIMARY]
(0008,0016) UI [$DX_SOP]
(0008,0018) UI [$ROOT.2.3]
(0008,0020) DA [20240116]
(0008,0060) CS [DX]
(0008,0081) ST [1 INFIRMARY ROAD]
(0008,1050) PN [SURGEON^SAM]
(0009,0010) LO [ACME PRIVATE]
(0009,1001) LO [ROE^RICHARD]
(0010,0010) PN [ROE^RICHARD]
(0010,0020) LO [PAT-67890]
(0010,0021) LO [HOSPITAL-A]
(0010,0030) DA [19700501]
(0010,1002) SQ (Sequence with undefined length #=1)
  (fffe,e000) na (Item with undefined length #=2)
    (0010,0020) LO [PAT-OTHER-1]
    (0010,0021) LO [HOSPITAL-B]
  (fffe,e00d) na (ItemDelimitationItem)
(fffe,e0dd) na (SequenceDelimitationItem)
(0010,2154) SH [555-0100]
(0010,4000) LT [ROE^RICHARD CALLED ABOUT RESULTS]
(0018,0015) CS [WRIST]
(0020,000d) UI [$ROOT.2.1]
(0020,000e) UI [$ROOT.2.2]
(0020,0013) IS [1]
(0028,0002) US 1
(0028,0004) CS [MONOCHROME1]
(0028,0010) US 30
(0028,0011) US 40
(0028,0100) US 16
(0028,0101) US 12
(0028,0102) US 11
(0028,0103) US 0
(7fe0,0010) OW =dx16.raw
DUMP
} > dx.dump
dump2dcm -q +ti -e dx.dump "$HERE/dx-implicit-le.dcm"

# 3. CR, JPEG Baseline (Process 1): the CR image with its own UIDs, compressed by dcmcjpeg.
sed -e "s/$ROOT\.1\./$ROOT.3./g" cr.dump > jpeg.dump
dump2dcm -q +te jpeg.dump jpeg-src.dcm
dcmcjpeg -q +eb +un jpeg-src.dcm "$HERE/jpeg-baseline.dcm"

# 4. Basic Text SR: no Pixel Data, not an image.
SR_SOP=1.2.840.10008.5.1.4.1.1.88.11
{ meta $SR_SOP $ROOT.4.3 1.2.840.10008.1.2.1; cat <<DUMP
(0008,0016) UI [$SR_SOP]
(0008,0018) UI [$ROOT.4.3]
(0008,0060) CS [SR]
(0010,0010) PN [DOE^JANE]
(0010,0020) LO [PAT-12345]
(0020,000d) UI [$ROOT.4.1]
(0020,000e) UI [$ROOT.4.2]
(0040,a040) CS [CONTAINER]
(0040,a050) CS [SEPARATE]
DUMP
} > sr.dump
dump2dcm -q +te sr.dump "$HERE/non-image.dcm"

# 5. MR, Explicit VR Little Endian, 16-bit MONOCHROME2 32x32 (a modality ingest refuses).
MR_SOP=1.2.840.10008.5.1.4.1.1.4
{ meta $MR_SOP $ROOT.5.3 1.2.840.10008.1.2.1; cat <<DUMP
(0008,0016) UI [$MR_SOP]
(0008,0018) UI [$ROOT.5.3]
(0008,0060) CS [MR]
(0010,0010) PN [DOE^JANE]
(0010,0020) LO [PAT-12345]
(0018,0015) CS [KNEE]
(0020,000d) UI [$ROOT.5.1]
(0020,000e) UI [$ROOT.5.2]
(0028,0002) US 1
(0028,0004) CS [MONOCHROME2]
(0028,0010) US 32
(0028,0011) US 32
(0028,0100) US 16
(0028,0101) US 16
(0028,0102) US 15
(0028,0103) US 0
(7fe0,0010) OW =mr16.raw
DUMP
} > mr.dump
dump2dcm -q +te mr.dump "$HERE/mr-explicit-le.dcm"

# 6. The CR file cut inside its Pixel Data.
head -c 1200 "$HERE/cr-explicit-le.dcm" > "$HERE/truncated.dcm"

# 7-9. Pixel data for the imaging tests (xray-imaging): how wide samples become 8-bit levels.
python3 - <<'PY'
import struct
def write(name, width, height, value):
    with open(name, "wb") as f:
        f.write(b"".join(struct.pack("<H", value(x, y)) for y in range(height) for x in range(width)))
# 64x64, 12 bits stored, MONOCHROME1: a "bone" bar with LOW stored values (white once displayed) on a high
# background (dark once displayed); both carry gentle gradients so neither is flat.
write("mono1.raw", 64, 64, lambda x, y: 600 + 2 * y if 24 <= x < 40 and 8 <= y < 56 else 3000 + 4 * x)
# 128x128, 12 bits stored, a smooth ramp over the narrow band 1800..2300 (stored); with slope 0.5 and
# intercept 100 that is 1000..1250 in modality units, exactly the VOI window (center 1125, width 250).
# Naive >>8 truncation would leave 2 levels (7 and 8).
write("window.raw", 128, 128, lambda x, y: 1800 + (500 * (x + y) + 127) // 254)
# 128x128, 16 bits stored, no window: a ramp over 12000..12600 plus 20 dead (0) and 20 hot (65535) pixels,
# which a min-max stretch would let squeeze the ramp into 3 levels and a percentile stretch ignores.
def outliers(x, y):
    i = y * 128 + x
    if i % 800 == 7:
        return 0
    if i % 800 == 407:
        return 65535
    return 12000 + (600 * (x + y) + 127) // 254
write("outliers.raw", 128, 128, outliers)
PY

# 7. DX, Explicit VR LE, 16-bit (12 stored) MONOCHROME1 64x64, no VOI window: bone must come out bright.
{ meta $DX_SOP $ROOT.7.3 1.2.840.10008.1.2.1; cat <<DUMP
(0008,0016) UI [$DX_SOP]
(0008,0018) UI [$ROOT.7.3]
(0008,0060) CS [DX]
(0010,0020) LO [PAT-IMG-1]
(0018,0015) CS [FOREARM]
(0020,000d) UI [$ROOT.7.1]
(0020,000e) UI [$ROOT.7.2]
(0028,0002) US 1
(0028,0004) CS [MONOCHROME1]
(0028,0010) US 64
(0028,0011) US 64
(0028,0100) US 16
(0028,0101) US 12
(0028,0102) US 11
(0028,0103) US 0
(7fe0,0010) OW =mono1.raw
DUMP
} > mono1.dump
dump2dcm -q +te mono1.dump "$HERE/dx-monochrome1-bone.dcm"

# 8. CR, Explicit VR LE, 16-bit (12 stored) MONOCHROME2 128x128 with Rescale Slope/Intercept and a VOI window.
{ meta $CR_SOP $ROOT.8.3 1.2.840.10008.1.2.1; cat <<DUMP
(0008,0016) UI [$CR_SOP]
(0008,0018) UI [$ROOT.8.3]
(0008,0060) CS [CR]
(0010,0020) LO [PAT-IMG-2]
(0018,0015) CS [HAND]
(0020,000d) UI [$ROOT.8.1]
(0020,000e) UI [$ROOT.8.2]
(0028,0002) US 1
(0028,0004) CS [MONOCHROME2]
(0028,0010) US 128
(0028,0011) US 128
(0028,0100) US 16
(0028,0101) US 12
(0028,0102) US 11
(0028,0103) US 0
(0028,1050) DS [1125]
(0028,1051) DS [250]
(0028,1052) DS [100]
(0028,1053) DS [0.5]
(7fe0,0010) OW =window.raw
DUMP
} > window.dump
dump2dcm -q +te window.dump "$HERE/cr-16bit-window.dcm"

# 9. DX, Explicit VR LE, 16-bit MONOCHROME2 128x128, no VOI window, narrow band plus dead and hot pixels.
{ meta $DX_SOP $ROOT.9.3 1.2.840.10008.1.2.1; cat <<DUMP
(0008,0016) UI [$DX_SOP]
(0008,0018) UI [$ROOT.9.3]
(0008,0060) CS [DX]
(0010,0020) LO [PAT-IMG-3]
(0018,0015) CS [WRIST]
(0020,000d) UI [$ROOT.9.1]
(0020,000e) UI [$ROOT.9.2]
(0028,0002) US 1
(0028,0004) CS [MONOCHROME2]
(0028,0010) US 128
(0028,0011) US 128
(0028,0100) US 16
(0028,0101) US 16
(0028,0102) US 15
(0028,0103) US 0
(7fe0,0010) OW =outliers.raw
DUMP
} > outliers.dump
dump2dcm -q +te outliers.dump "$HERE/dx-16bit-outliers.dcm"

# Every complete fixture must parse cleanly with dcmtk.
for f in cr-explicit-le dx-implicit-le jpeg-baseline non-image mr-explicit-le \
         dx-monochrome1-bone cr-16bit-window dx-16bit-outliers; do
  dcmdump -q "$HERE/$f.dcm" >/dev/null || { echo "dcmdump failed on $f.dcm" >&2; exit 1; }
done
echo "fixtures written to $HERE"
