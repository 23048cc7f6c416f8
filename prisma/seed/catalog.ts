/**
 * Static catalogue of the demo shop "Maple & Moss Outfitters": vendors, locations and product specs.
 * Pure data; generate.ts turns it into rows with a seeded random source.
 */

export type Season = "winter" | "summer" | "holiday" | "spring" | "none";
/** Demand pattern in the Syntetos–Boylan sense (smooth / erratic / intermittent / lumpy). */
export type Pattern = "smooth" | "erratic" | "intermittent" | "lumpy";
export type Lifecycle = "steady" | "new" | "discontinued" | "fading" | "draft";
export type OptionSet =
  | "size4"
  | "size5"
  | "kids5"
  | "shoe5"
  | "sock3"
  | "sml2"
  | "colour3"
  | "colour2"
  | "capacity2"
  | "bed3"
  | "pack2"
  | "single";

export interface VendorSpec {
  key: string;
  name: string;
  contactName: string;
  email: string;
  phone: string;
  statedLeadTimeDays: number;
  moq: number | null;
  notes: string;
  /** Probability a PO arrives by its expected date. */
  onTimeRate: number;
  /** When late: days late ≈ |N(lateMeanDays, lateSdDays)| + 1. */
  lateMeanDays: number;
  lateSdDays: number;
  /** Relative share of historical POs. */
  poWeight: number;
}

export const VENDORS: readonly VendorSpec[] = [
  {
    key: "northwind",
    name: "Northwind Apparel Co.",
    contactName: "Dana Whitfield",
    email: "orders.northwind@example.com",
    phone: "+1-503-555-0141",
    statedLeadTimeDays: 30,
    moq: 50,
    notes: "Cut-and-sew in Vancouver, WA. Net 30. Ships complete orders only.",
    onTimeRate: 0.7,
    lateMeanDays: 5,
    lateSdDays: 4,
    poWeight: 3,
  },
  {
    key: "heritage",
    name: "Heritage Wool Mills",
    contactName: "Ian MacLeod",
    email: "sales.heritagewool@example.com",
    phone: "+1-802-555-0177",
    statedLeadTimeDays: 21,
    moq: 100,
    notes: "Vermont mill. Socks and knitwear in case packs of 12.",
    onTimeRate: 0.85,
    lateMeanDays: 3,
    lateSdDays: 2,
    poWeight: 3,
  },
  {
    key: "cascade",
    name: "Cascade Footwear",
    contactName: "Priya Natarajan",
    email: "wholesale.cascade@example.com",
    phone: "+1-206-555-0112",
    statedLeadTimeDays: 28,
    moq: 24,
    notes: "Often late in peak season; confirm ship dates by phone.",
    onTimeRate: 0.5,
    lateMeanDays: 9,
    lateSdDays: 6,
    poWeight: 2,
  },
  {
    key: "trailhead",
    name: "Trailhead Gear Supply",
    contactName: "Marcus Bell",
    email: "po.trailhead@example.com",
    phone: "+1-303-555-0190",
    statedLeadTimeDays: 14,
    moq: 20,
    notes: "Denver distributor for camping hard goods. Free freight over $2,500.",
    onTimeRate: 0.9,
    lateMeanDays: 2,
    lateSdDays: 1.5,
    poWeight: 3,
  },
  {
    key: "blueridge",
    name: "Blue Ridge Bottle Works",
    contactName: "Hannah Cole",
    email: "orders.blueridge@example.com",
    phone: "+1-828-555-0133",
    statedLeadTimeDays: 7,
    moq: 48,
    notes: "Bottles ship in cartons of 24.",
    onTimeRate: 0.95,
    lateMeanDays: 1,
    lateSdDays: 1,
    poWeight: 2,
  },
  {
    key: "maplehollow",
    name: "Maple Hollow Home Goods",
    contactName: "Grace Lindqvist",
    email: "hello.maplehollow@example.com",
    phone: "+1-207-555-0158",
    statedLeadTimeDays: 10,
    moq: 12,
    notes: "Small-batch candles and textiles from Maine. Holiday capacity is limited; order by October.",
    onTimeRate: 0.8,
    lateMeanDays: 4,
    lateSdDays: 3,
    poWeight: 2,
  },
  {
    key: "ironwood",
    name: "Ironwood Kitchen",
    contactName: "Luis Ortega",
    email: "trade.ironwood@example.com",
    phone: "+1-718-555-0126",
    statedLeadTimeDays: 3,
    moq: null,
    notes: "Local Brooklyn workshop; delivers by van.",
    onTimeRate: 0.97,
    lateMeanDays: 1,
    lateSdDays: 0.5,
    poWeight: 1,
  },
  {
    key: "lumen",
    name: "Lumen & Co. Imports",
    contactName: "Wei Chen",
    email: "export.lumen@example.com",
    phone: "+1-415-555-0164",
    statedLeadTimeDays: 45,
    moq: 200,
    notes: "Ocean freight from Ningbo. Port congestion adds weeks; book early.",
    onTimeRate: 0.45,
    lateMeanDays: 12,
    lateSdDays: 8,
    poWeight: 1,
  },
];

export interface LocationSpec {
  key: "brooklyn" | "portland" | "austin";
  name: string;
  /** Numeric Shopify id (the GID is built from it). */
  shopifyNumber: number;
  /** Demand multiplier relative to the warehouse (which fulfils online orders). */
  demandFactor: number;
  /** Share of active products stocked here (the warehouse stocks everything). */
  assortment: number;
  /** Weekly profile, Sunday first. */
  weekly: readonly number[];
  /** Local opening window for orders, minutes after midnight. */
  openMinute: number;
  closeMinute: number;
}

export const LOCATIONS: readonly LocationSpec[] = [
  {
    key: "brooklyn",
    name: "Brooklyn Warehouse",
    shopifyNumber: 78_412_305_521,
    demandFactor: 1,
    assortment: 1,
    // Online orders: a touch higher early in the week.
    weekly: [1.05, 1.15, 1.08, 1.0, 0.95, 0.88, 0.89],
    openMinute: 6 * 60,
    closeMinute: 23 * 60 + 59,
  },
  {
    key: "portland",
    name: "Portland Store",
    shopifyNumber: 78_412_338_289,
    demandFactor: 0.5,
    assortment: 0.8,
    // Stores: weekend peaks.
    weekly: [1.35, 0.72, 0.74, 0.8, 0.9, 1.15, 1.6],
    openMinute: 10 * 60,
    closeMinute: 20 * 60,
  },
  {
    key: "austin",
    name: "Austin Store",
    shopifyNumber: 78_412_371_057,
    demandFactor: 0.4,
    assortment: 0.7,
    weekly: [1.4, 0.7, 0.72, 0.78, 0.9, 1.2, 1.65],
    openMinute: 10 * 60,
    closeMinute: 21 * 60,
  },
];

export interface CategorySpec {
  type: string;
  code: string;
  vendor: string;
  season: Season;
  options: OptionSet;
  price: readonly [number, number];
  pattern: Pattern;
  /** Mean units/day of the whole product at the warehouse, range. */
  popularity: readonly [number, number];
  casePack: number | null;
  products: readonly ProductEntry[];
}

/** A title, or a title with overrides. */
export type ProductEntry =
  | string
  | {
      title: string;
      vendor?: string;
      season?: Season;
      options?: OptionSet;
      price?: readonly [number, number];
      pattern?: Pattern;
      popularity?: readonly [number, number];
      lifecycle?: Lifecycle;
      casePack?: number | null;
      /** Not sold in the stores (online / B2B only). */
      onlineOnly?: boolean;
    };

export const CATEGORIES: readonly CategorySpec[] = [
  {
    type: "Outerwear",
    code: "OUT",
    vendor: "northwind",
    season: "winter",
    options: "size4",
    price: [129, 279],
    pattern: "erratic",
    popularity: [1.2, 3.5],
    casePack: null,
    products: [
      "Ridgeline Insulated Parka",
      "Summit Down Jacket",
      { title: "Harbor Rain Shell", season: "spring" },
      "Timberline Softshell Jacket",
      { title: "Northwind Puffer Vest", options: "size5" },
      "Cascade Waxed Canvas Coat",
      "Alpine Storm Anorak",
      "Birchwood Quilted Jacket",
      { title: "Glacier Hooded Parka", lifecycle: "new" },
      { title: "Trailbreaker Windbreaker", season: "spring", lifecycle: "discontinued" },
      { title: "Pinecrest Sherpa Jacket", lifecycle: "new", options: "size5" },
      { title: "Coastal Fleece-Lined Jacket", season: "spring" },
    ],
  },
  {
    type: "Layers",
    code: "LAY",
    vendor: "northwind",
    season: "winter",
    options: "size4",
    price: [49, 119],
    pattern: "smooth",
    popularity: [1.5, 4],
    casePack: null,
    products: [
      "Merino Base Layer Crew",
      "Merino Base Layer Bottom",
      "Grid Fleece Quarter-Zip",
      "High Pile Fleece Pullover",
      { title: "Lodge Flannel Shirt", options: "size5", season: "none" },
      "Heavyweight Thermal Henley",
      { title: "Camp Chore Shirt", season: "none" },
      { title: "Trail Hiking Pant", season: "none", pattern: "erratic" },
      { title: "Convertible Hiking Pant", season: "summer", pattern: "erratic" },
      { title: "Lakeside Sun Hoodie", season: "summer" },
      "Midweight Merino Hoodie",
      { title: "Lodge Wool Cardigan", options: "size5", season: "holiday" },
    ],
  },
  {
    type: "Accessories",
    code: "ACC",
    vendor: "heritage",
    season: "winter",
    options: "colour3",
    price: [24, 59],
    pattern: "smooth",
    popularity: [2, 6],
    casePack: 12,
    products: [
      "Cable Knit Beanie",
      "Fisherman Wool Beanie",
      { title: "Merino Neck Gaiter", options: "colour2" },
      { title: "Fleece-Lined Leather Gloves", options: "sml2", price: [49, 69] },
      { title: "Wool Flip-Top Mittens", options: "sml2" },
      { title: "Alpaca Blend Scarf", season: "holiday", options: "colour2" },
      { title: "Waxed Canvas Brimmed Hat", season: "none", options: "sml2", pattern: "erratic" },
      { title: "Trail Sun Cap", season: "summer", options: "colour2" },
      { title: "Packable Bucket Hat", season: "summer", options: "colour2" },
      { title: "Ear Warmer Headband", options: "colour2", pattern: "intermittent", popularity: [0.2, 0.5] },
    ],
  },
  {
    type: "Socks",
    code: "SOK",
    vendor: "heritage",
    season: "none",
    options: "sock3",
    price: [16, 28],
    pattern: "smooth",
    popularity: [4, 9],
    casePack: 12,
    products: [
      "Merino Hiking Sock",
      "Everyday Crew Sock",
      { title: "Wool Boot Sock", season: "winter" },
      { title: "Lightweight Trail Sock", season: "summer" },
      { title: "Cabin Slipper Sock", season: "holiday" },
      "Ultralight Running Sock",
      { title: "Merino Liner Sock", season: "winter" },
      { title: "Expedition Mountaineering Sock", pattern: "intermittent", popularity: [0.3, 0.6] },
      { title: "Compression Travel Sock", lifecycle: "discontinued" },
    ],
  },
  {
    type: "Footwear",
    code: "FTW",
    vendor: "cascade",
    season: "none",
    options: "shoe5",
    price: [89, 229],
    pattern: "erratic",
    popularity: [1, 2.5],
    casePack: null,
    products: [
      "Cedar Trail Hiking Boot",
      { title: "Granite Peak Mountaineering Boot", pattern: "intermittent", popularity: [0.4, 0.8] },
      { title: "Riverbed Water Sandal", season: "summer" },
      { title: "Lodge Shearling Slipper", season: "holiday" },
      "Pathfinder Trail Runner",
      { title: "Duck Rain Boot", season: "spring" },
      "Moss Camp Moc",
      { title: "Snowline Insulated Boot", season: "winter", lifecycle: "new" },
    ],
  },
  {
    type: "Camping",
    code: "CMP",
    vendor: "trailhead",
    season: "summer",
    options: "single",
    price: [39, 199],
    pattern: "intermittent",
    popularity: [0.2, 0.7],
    casePack: null,
    products: [
      { title: "Basecamp 2-Person Tent", price: [249, 299] },
      { title: "Basecamp 4-Person Tent", price: [379, 449] },
      { title: "Featherlite Backpacking Tent", price: [399, 479], onlineOnly: true },
      { title: "Down Mummy Sleeping Bag 20°F", options: "pack2", price: [249, 319] },
      { title: "Synthetic Sleeping Bag 35°F", price: [99, 139], pattern: "erratic", popularity: [0.8, 1.6] },
      { title: "Self-Inflating Sleeping Pad", options: "colour2", pattern: "smooth", popularity: [0.8, 1.8] },
      { title: "Ultralight Camp Pillow", price: [24, 34], pattern: "smooth", popularity: [1, 2.5] },
      { title: "Parachute Nylon Hammock", options: "colour3", price: [59, 79], pattern: "smooth", popularity: [1, 2.5] },
      { title: "Hammock Tree Straps", price: [24, 29], pattern: "lumpy", popularity: [0.06, 0.12], onlineOnly: true },
      { title: "Folding Camp Chair", options: "colour2", price: [59, 89], pattern: "erratic", popularity: [1, 2] },
      { title: "Aluminum Camp Table", price: [89, 119] },
      { title: "Trekking Poles (Pair)", price: [79, 139], season: "none" },
      { title: "Daypack 24L", options: "colour3", price: [79, 109], season: "none", pattern: "smooth", popularity: [1, 2.5] },
      { title: "Expedition Backpack 65L", options: "pack2", price: [279, 329], season: "none" },
      { title: "Dry Bag Set", price: [39, 49], pattern: "smooth", popularity: [0.8, 1.5] },
    ],
  },
  {
    type: "Camp Kitchen",
    code: "KIT",
    vendor: "trailhead",
    season: "summer",
    options: "single",
    price: [14, 89],
    pattern: "smooth",
    popularity: [1, 3],
    casePack: 6,
    products: [
      { title: "Enamel Camp Mug", options: "colour3", price: [18, 22], season: "none", popularity: [3, 6] },
      { title: "Double-Wall Camp Mug", pattern: "lumpy", popularity: [0.05, 0.1], price: [26, 29], onlineOnly: true },
      { title: "Titanium Spork", pattern: "lumpy", popularity: [0.08, 0.14], price: [12, 14], onlineOnly: true },
      { title: "Backpacking Stove", pattern: "intermittent", popularity: [0.3, 0.6], price: [59, 79] },
      { title: "Nesting Cook Set", pattern: "erratic", price: [69, 89] },
      { title: "Cast Iron Camp Skillet", vendor: "ironwood", price: [44, 54] },
      { title: "Percolator Coffee Pot", pattern: "intermittent", popularity: [0.2, 0.5], price: [39, 49] },
      { title: "Collapsible Water Jug", price: [24, 34] },
      { title: "Camp Cutlery Roll", price: [34, 44], season: "holiday" },
      { title: "Insulated Food Jar", vendor: "blueridge", price: [29, 36], season: "none" },
    ],
  },
  {
    type: "Hydration",
    code: "HYD",
    vendor: "blueridge",
    season: "summer",
    options: "colour3",
    price: [22, 49],
    pattern: "smooth",
    popularity: [3, 8],
    casePack: 24,
    products: [
      { title: "Summit Insulated Bottle", options: "capacity2", popularity: [5, 9] },
      "Trail Water Bottle",
      { title: "Wide Mouth Growler 64 oz", options: "single", lifecycle: "fading", pattern: "intermittent", popularity: [0.4, 0.8] },
      "Insulated Tumbler",
      { title: "Stainless Pint Cup", pattern: "lumpy", popularity: [0.06, 0.12], options: "single", onlineOnly: true },
      { title: "Filter Water Bottle", options: "single", pattern: "erratic", popularity: [1, 2] },
      { title: "Kids Adventure Bottle", lifecycle: "discontinued" },
      { title: "Hydration Reservoir 2L", options: "single", pattern: "intermittent", popularity: [0.3, 0.6] },
    ],
  },
  {
    type: "Lighting",
    code: "LGT",
    vendor: "lumen",
    season: "none",
    options: "single",
    price: [19, 79],
    pattern: "smooth",
    popularity: [1, 3],
    casePack: 12,
    products: [
      { title: "Trailblazer Headlamp", options: "colour2", popularity: [2.5, 5] },
      { title: "Rechargeable Camp Lantern", season: "summer" },
      { title: "Solar String Lights", season: "holiday" },
      { title: "Vintage Hurricane Lantern", lifecycle: "discontinued" },
      "Pocket Flashlight",
      { title: "Collapsible Lantern", pattern: "erratic" },
      { title: "Emergency Crank Radio", lifecycle: "discontinued", pattern: "intermittent", popularity: [0.3, 0.6] },
      { title: "Solar Power Bank", lifecycle: "draft" },
    ],
  },
  {
    type: "Home Textiles",
    code: "TEX",
    vendor: "maplehollow",
    season: "holiday",
    options: "colour2",
    price: [39, 149],
    pattern: "erratic",
    popularity: [1, 2.5],
    casePack: null,
    products: [
      { title: "Wool Throw Blanket", options: "colour3" },
      "Buffalo Check Throw",
      { title: "Sherpa Fleece Blanket", pattern: "smooth", popularity: [1.5, 3] },
      { title: "Linen Throw Pillow Cover", options: "colour3", season: "none", pattern: "smooth", price: [29, 39] },
      { title: "Waffle Knit Bath Towel", options: "colour3", season: "none", pattern: "smooth", price: [24, 34] },
      { title: "Chunky Knit Throw", lifecycle: "new" },
      { title: "Camp Blanket Poncho", season: "winter", options: "single", pattern: "intermittent", popularity: [0.2, 0.5] },
      { title: "Flannel Sheet Set", options: "bed3", season: "winter", price: [99, 139] },
    ],
  },
  {
    type: "Home & Kitchen",
    code: "HOM",
    vendor: "maplehollow",
    season: "holiday",
    options: "single",
    price: [18, 59],
    pattern: "smooth",
    popularity: [1.5, 4],
    casePack: 6,
    products: [
      { title: "Cedar & Fir Soy Candle", options: "pack2", popularity: [3, 6] },
      { title: "Balsam Pine Candle", lifecycle: "new", popularity: [2, 4] },
      { title: "Ceramic Stoneware Mug", options: "colour3", season: "none" },
      { title: "Birch Bark Planter", lifecycle: "fading", season: "spring", pattern: "intermittent", popularity: [0.4, 0.8] },
      { title: "Enamel Serving Bowl", season: "none", pattern: "erratic" },
      { title: "Wooden Cutting Board", vendor: "ironwood", options: "pack2", price: [39, 59] },
      { title: 'Cast Iron Skillet 10"', vendor: "ironwood", price: [49, 59] },
      { title: "Cast Iron Dutch Oven", vendor: "ironwood", price: [119, 149], pattern: "intermittent", popularity: [0.3, 0.6] },
      { title: "Maple Serving Board", vendor: "ironwood", price: [59, 79], pattern: "erratic" },
      { title: "Butcher Block Conditioner", vendor: "ironwood", season: "none", price: [14, 16] },
      { title: "Leather Coaster Set", lifecycle: "fading", pattern: "intermittent", popularity: [0.4, 0.8] },
      { title: "Beeswax Food Wraps", season: "none", pattern: "lumpy", popularity: [0.08, 0.14], onlineOnly: true },
      { title: "Pour-Over Coffee Set", vendor: "ironwood", price: [49, 64] },
      { title: "Matchstick Holder", lifecycle: "discontinued", pattern: "intermittent", popularity: [0.3, 0.5] },
    ],
  },
  {
    type: "Pet",
    code: "PET",
    vendor: "trailhead",
    season: "none",
    options: "size4",
    price: [24, 89],
    pattern: "smooth",
    popularity: [0.8, 2],
    casePack: null,
    products: [
      "Trail Dog Harness",
      { title: "Dog Travel Bowl", options: "colour2" },
      { title: "Reflective Dog Leash", options: "colour3" },
      { title: "Dog Camp Bed", options: "sml2", pattern: "intermittent", popularity: [0.2, 0.5], price: [79, 99] },
    ],
  },
  {
    type: "Kids",
    code: "KID",
    vendor: "northwind",
    season: "winter",
    options: "kids5",
    price: [29, 99],
    pattern: "erratic",
    popularity: [0.8, 2],
    casePack: null,
    products: [
      "Kids Rain Jacket",
      { title: "Kids Fleece Mittens", vendor: "heritage", options: "colour2", lifecycle: "new" },
      { title: "Kids Sleeping Bag", vendor: "trailhead", options: "single", season: "summer", pattern: "intermittent", popularity: [0.2, 0.5] },
    ],
  },
  {
    type: "Gear & Tools",
    code: "GER",
    vendor: "trailhead",
    season: "summer",
    options: "single",
    price: [14, 69],
    pattern: "smooth",
    popularity: [0.8, 2],
    casePack: 12,
    products: [
      { title: "Folding Pocket Knife", season: "holiday", price: [39, 69] },
      { title: "Fire Starter Kit", pattern: "lumpy", popularity: [0.06, 0.12], onlineOnly: true },
      { title: "Compass & Map Case", pattern: "intermittent", popularity: [0.3, 0.6] },
    ],
  },
];

export interface KitSpec {
  title: string;
  price: number;
  /** Component product titles (first variant is used) and quantity per kit. */
  components: readonly { title: string; quantity: number }[];
  popularity: number;
}

/** Kits sold as their own (untracked) variant; planning explodes them into component demand. */
export const KITS: readonly KitSpec[] = [
  {
    title: "Cabin Weekend Gift Set",
    price: 129,
    components: [
      { title: "Wool Throw Blanket", quantity: 1 },
      { title: "Enamel Camp Mug", quantity: 2 },
      { title: "Cedar & Fir Soy Candle", quantity: 1 },
    ],
    popularity: 0.9,
  },
  {
    title: "Trail Starter Kit",
    price: 89,
    components: [
      { title: "Trail Water Bottle", quantity: 1 },
      { title: "Merino Hiking Sock", quantity: 2 },
      { title: "Trailblazer Headlamp", quantity: 1 },
    ],
    popularity: 0.7,
  },
];

export const OPTION_VALUES: Record<OptionSet, readonly { title: string; code: string; share: number }[]> = {
  size4: [
    { title: "S", code: "S", share: 0.18 },
    { title: "M", code: "M", share: 0.34 },
    { title: "L", code: "L", share: 0.31 },
    { title: "XL", code: "XL", share: 0.17 },
  ],
  size5: [
    { title: "XS", code: "XS", share: 0.08 },
    { title: "S", code: "S", share: 0.2 },
    { title: "M", code: "M", share: 0.32 },
    { title: "L", code: "L", share: 0.27 },
    { title: "XL", code: "XL", share: 0.13 },
  ],
  kids5: [
    { title: "4T", code: "4T", share: 0.15 },
    { title: "5T", code: "5T", share: 0.18 },
    { title: "6", code: "6", share: 0.22 },
    { title: "8", code: "8", share: 0.25 },
    { title: "10", code: "10", share: 0.2 },
  ],
  shoe5: [
    { title: "US 8", code: "08", share: 0.14 },
    { title: "US 9", code: "09", share: 0.22 },
    { title: "US 10", code: "10", share: 0.28 },
    { title: "US 11", code: "11", share: 0.22 },
    { title: "US 12", code: "12", share: 0.14 },
  ],
  sock3: [
    { title: "S", code: "S", share: 0.25 },
    { title: "M", code: "M", share: 0.42 },
    { title: "L", code: "L", share: 0.33 },
  ],
  sml2: [
    { title: "S/M", code: "SM", share: 0.48 },
    { title: "L/XL", code: "LX", share: 0.52 },
  ],
  colour3: [
    { title: "Forest", code: "FOR", share: 0.4 },
    { title: "Charcoal", code: "CHR", share: 0.35 },
    { title: "Rust", code: "RST", share: 0.25 },
  ],
  colour2: [
    { title: "Oatmeal", code: "OAT", share: 0.55 },
    { title: "Navy", code: "NVY", share: 0.45 },
  ],
  capacity2: [
    { title: "21 oz", code: "21", share: 0.55 },
    { title: "32 oz", code: "32", share: 0.45 },
  ],
  bed3: [
    { title: "Twin", code: "TW", share: 0.2 },
    { title: "Queen", code: "QN", share: 0.5 },
    { title: "King", code: "KG", share: 0.3 },
  ],
  pack2: [
    { title: "Regular", code: "REG", share: 0.6 },
    { title: "Large", code: "LRG", share: 0.4 },
  ],
  single: [{ title: "Default Title", code: "", share: 1 }],
};
