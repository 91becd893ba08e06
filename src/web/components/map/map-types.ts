/** What the world map draws; plain data, so pages import it without loading the map itself. */

/** A place on the map: a service, a hot spot. */
export interface MapPoint {
  id: string;
  latitude: number;
  longitude: number;
  /** Shown in the tooltip (first line) and used for the point's name. */
  label: string;
  /** Further tooltip lines (type, distance, places…), already translated. */
  details?: readonly string[];
  /** Drawn larger and in the accent colour. */
  emphasis?: boolean;
}

/** A value for one country, for a choropleth; the key is ISO 3166-1 alpha-2. */
export interface MapRegionValue {
  code: string;
  value: number;
}

/** A line between two places (a flow from origin to destination). */
export interface MapFlow {
  id: string;
  from: { latitude: number; longitude: number };
  to: { latitude: number; longitude: number };
  label: string;
  /** Thickness grows with the value (relative to the largest flow). */
  value?: number;
}

/** A single marked location: the "from" point of a distance search, say. */
export interface MapMarker {
  latitude: number;
  longitude: number;
  label: string;
}

export interface WorldMapProps {
  /** The map's accessible name: what it shows ("Services found, on a map"). */
  label: string;
  /** Id of the element (a list or table of the same data) that is the map's text alternative. */
  describedBy?: string;
  points?: readonly MapPoint[];
  regions?: readonly MapRegionValue[];
  /** The choropleth's legend title ("Referrals"). */
  regionsLabel?: string;
  /**
   * A region's value for the tooltip, in the interface language (default: the number as is).
   * Values below zero (a z-score) switch the choropleth to a diverging blue–red scale around 0.
   */
  formatRegionValue?: (value: number) => string;
  flows?: readonly MapFlow[];
  marker?: MapMarker | null;
  /** Called with a point's id when it is clicked. */
  onPointSelect?: (id: string) => void;
  /** When set, clicking the map reports the coordinates there (a mouse shortcut only). */
  onLocationPick?: (latitude: number, longitude: number) => void;
  /** Height in CSS pixels (default 360). */
  height?: number;
  /** When set, the map offers PNG and CSV downloads (the directory's maps have none). */
  download?: MapDownload;
}

/** A map's downloads: the picture as PNG, and as CSV the table beside the map. */
export interface MapDownload {
  /** What the map shows; the PNG's title and the buttons' accessible names. */
  title: string;
  fileName: string;
  csv: () => string;
}
