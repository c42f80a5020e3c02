import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the application's icon (the shapes of icons/icon.svg: a ball at the bottom of an energy
 * well) as the PNG and ICO files browsers ask for. Run it from the project folder when the icon
 * changes, and commit what it writes:
 *
 * <pre>java src/site/icons/DrawIcons.java src/main/resources/META-INF/resources</pre>
 */
public class DrawIcons {
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "src/main/resources/META-INF/resources");
        Files.createDirectories(root.resolve("icons"));
        Files.write(root.resolve("icons/icon-192.png"), png(draw(192)));
        Files.write(root.resolve("icons/apple-touch-icon.png"), png(draw(180)));
        Files.write(root.resolve("favicon.ico"), ico(List.of(16, 32, 48)));
    }

    /** The SVG's 64 × 64 drawing at {@code size} pixels. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 64.0, size / 64.0);
        g.setColor(new Color(0x1f3a5f));
        g.fill(new RoundRectangle2D.Double(0, 0, 64, 64, 24, 24));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(4, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new QuadCurve2D.Double(10, 16, 32, 72, 54, 16));
        g.setColor(new Color(0xf5a623));
        g.fill(new Ellipse2D.Double(26, 30, 12, 12));
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** An ICO file holding one PNG image per size (the format browsers have read since 2007). */
    static byte[] ico(List<Integer> sizes) throws IOException {
        List<byte[]> images = new ArrayList<>();
        for (int size : sizes) {
            images.add(png(draw(size)));
        }
        int offset = 6 + 16 * images.size();
        int total = offset + images.stream().mapToInt(b -> b.length).sum();
        ByteBuffer ico = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        ico.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
        for (int i = 0; i < images.size(); i++) {
            int size = sizes.get(i);
            ico.put((byte) (size % 256)).put((byte) (size % 256)).put((byte) 0).put((byte) 0);
            ico.putShort((short) 1).putShort((short) 32);
            ico.putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        images.forEach(ico::put);
        return ico.array();
    }
}
