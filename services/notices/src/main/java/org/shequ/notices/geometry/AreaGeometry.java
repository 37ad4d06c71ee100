package org.shequ.notices.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * A notice area's shape, a GeoJSON LineString or Polygon in WGS84 degrees, read and checked by JTS: whether a
 * position lies in it (in the polygon, or within a distance of the line), the polygon CAP sends for it, and a point
 * for calendars. Distances are measured on a local flat projection around the place in question, exact enough (well
 * under 1 %) across a district.
 */
public final class AreaGeometry {

    /** Enough for a district's street plan; more is refused rather than matched point by point on every question. */
    public static final int MAX_POINTS = 2_000;
    private static final double METRES_PER_DEGREE_LAT = 110_574;
    private static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320;

    private final Geometry shape;
    private final PreparedGeometry prepared;

    private AreaGeometry(Geometry shape) {
        this.shape = shape;
        this.prepared = PreparedGeometryFactory.prepare(shape);
    }

    /** Thrown with the reason a resident's app developer can act on. */
    public static final class InvalidGeometry extends Exception {
        InvalidGeometry(String message) {
            super(message);
        }
    }

    /** The shape of a GeoJSON geometry text, or why it is not one an area can have. */
    public static AreaGeometry read(String geoJson) throws InvalidGeometry {
        Geometry shape = parse(geoJson);
        if (!(shape instanceof LineString) && !(shape instanceof Polygon)) {
            throw new InvalidGeometry("must be a GeoJSON LineString or Polygon, not a " + shape.getGeometryType());
        }
        if (shape.getNumPoints() > MAX_POINTS) {
            throw new InvalidGeometry("has " + shape.getNumPoints() + " positions; at most " + MAX_POINTS);
        }
        for (Coordinate c : shape.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y) || Math.abs(c.x) > 180 || Math.abs(c.y) > 90) {
                throw new InvalidGeometry("positions are [longitude, latitude] in WGS84 degrees, within ±180 and ±90");
            }
        }
        if (shape instanceof LineString line && line.getLength() == 0) {
            throw new InvalidGeometry("a LineString needs two different positions");
        }
        IsValidOp validity = new IsValidOp(shape);
        if (!validity.isValid()) {
            throw new InvalidGeometry("is not a valid " + shape.getGeometryType() + ": "
                    + validity.getValidationError().getMessage().toLowerCase(java.util.Locale.ROOT));
        }
        return new AreaGeometry(shape);
    }

    private static Geometry parse(String geoJson) throws InvalidGeometry {
        try {
            return new GeoJsonReader(new GeometryFactory()).read(geoJson);
        } catch (ParseException | RuntimeException notGeoJson) {
            // JTS and json-simple refuse malformed coordinates with runtime exceptions as well as ParseException.
            throw new InvalidGeometry("must be a GeoJSON LineString or Polygon: " + reason(notGeoJson));
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Whether the position lies in the polygon (its edge included), or within {@code metres} of the line. */
    public boolean covers(double lat, double lon, double metres) {
        Point point = shape.getFactory().createPoint(new Coordinate(lon, lat));
        if (shape instanceof Polygon) {
            return prepared.covers(point);
        }
        Geometry local = projected(shape, lat, lon);
        return local.distance(shape.getFactory().createPoint(new Coordinate(0, 0))) <= metres;
    }

    /**
     * The closed ring CAP's {@code <polygon>} sends, as [lat, lon] pairs: a polygon's outer ring (CAP has no holes),
     * or the line widened by {@code metres} on each side.
     */
    public List<double[]> outline(double metres) {
        Polygon polygon;
        if (shape instanceof Polygon p) {
            polygon = p;
        } else {
            Coordinate centre = shape.getCentroid().getCoordinate();
            Geometry widened = projected(shape, centre.y, centre.x).buffer(metres, 4);
            polygon = (Polygon) unprojected(widened, centre.y, centre.x);
        }
        List<double[]> ring = new ArrayList<>();
        for (Coordinate c : polygon.getExteriorRing().getCoordinates()) {
            ring.add(new double[] {c.y, c.x});
        }
        return ring;
    }

    /** A point of the area for a calendar's GEO: inside a polygon, on a line; [lat, lon]. */
    public double[] point() {
        Coordinate c = shape.getInteriorPoint().getCoordinate();
        return new double[] {c.y, c.x};
    }

    /** The shape in metres east and north of (lat, lon). */
    private static Geometry projected(Geometry shape, double lat, double lon) {
        double east = METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(lat));
        Geometry copy = shape.copy();
        copy.apply((CoordinateFilter) c -> {
            c.x = (c.x - lon) * east;
            c.y = (c.y - lat) * METRES_PER_DEGREE_LAT;
        });
        copy.geometryChanged();
        return copy;
    }

    private static Geometry unprojected(Geometry local, double lat, double lon) {
        double east = METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(lat));
        Geometry copy = local.copy();
        copy.apply((CoordinateFilter) c -> {
            c.x = lon + c.x / east;
            c.y = lat + c.y / METRES_PER_DEGREE_LAT;
        });
        copy.geometryChanged();
        return copy;
    }

    /**
     * Reads a stored shape. It was checked by {@link #read} when it was written, so it is only parsed here: the feeds
     * and the in-memory copy of the running notices read every shape again, and need not re-check each one.
     */
    public static Optional<AreaGeometry> stored(String geoJson) {
        if (geoJson == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AreaGeometry(parse(geoJson)));
        } catch (InvalidGeometry e) {
            throw new IllegalStateException("A stored area geometry no longer reads: " + e.getMessage(), e);
        }
    }
}
