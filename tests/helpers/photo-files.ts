// Photos made in the test with sharp: a camera-like JPEG carrying EXIF (an artist, a copyright
// and a GPS position, the metadata a re-encode must drop), and the bad uploads.
import sharp from "sharp";

export async function makeCameraJpeg(width = 1600, height = 1200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 60 } } })
    .jpeg()
    .withExif({
      IFD0: { Artist: "SECRET-ARTIST", Copyright: "SECRET-COPYRIGHT" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "40/1 44/1 55/1", GPSLongitudeRef: "W", GPSLongitude: "73/1 59/1 11/1" },
    })
    .toBuffer();
}

/** A PNG of 7,000 x 7,000 pixels (49 megapixels) that compresses to a few hundred KB. */
export async function makeDecompressionBomb(): Promise<Buffer> {
  return sharp({ create: { width: 7000, height: 7000, channels: 3, background: "white" } })
    .png({ compressionLevel: 9 })
    .toBuffer();
}
