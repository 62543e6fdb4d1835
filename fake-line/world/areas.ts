// LINE's 89 narrowcast area codes (messaging-api.yml `AreaDemographic`): Japanese prefectures,
// Taiwanese cities/counties, Thai regions and Indonesian areas, with English and local names.

export type Country = "JP" | "TW" | "TH" | "ID";

export type Area = {
  code: string;
  country: Country;
  name: string;
  localName: string;
};

const JP: [string, string][] = [
  ["Hokkaido", "北海道"],
  ["Aomori", "青森県"],
  ["Iwate", "岩手県"],
  ["Miyagi", "宮城県"],
  ["Akita", "秋田県"],
  ["Yamagata", "山形県"],
  ["Fukushima", "福島県"],
  ["Ibaraki", "茨城県"],
  ["Tochigi", "栃木県"],
  ["Gunma", "群馬県"],
  ["Saitama", "埼玉県"],
  ["Chiba", "千葉県"],
  ["Tokyo", "東京都"],
  ["Kanagawa", "神奈川県"],
  ["Niigata", "新潟県"],
  ["Toyama", "富山県"],
  ["Ishikawa", "石川県"],
  ["Fukui", "福井県"],
  ["Yamanashi", "山梨県"],
  ["Nagano", "長野県"],
  ["Gifu", "岐阜県"],
  ["Shizuoka", "静岡県"],
  ["Aichi", "愛知県"],
  ["Mie", "三重県"],
  ["Shiga", "滋賀県"],
  ["Kyoto", "京都府"],
  ["Osaka", "大阪府"],
  ["Hyougo", "兵庫県"],
  ["Nara", "奈良県"],
  ["Wakayama", "和歌山県"],
  ["Tottori", "鳥取県"],
  ["Shimane", "島根県"],
  ["Okayama", "岡山県"],
  ["Hiroshima", "広島県"],
  ["Yamaguchi", "山口県"],
  ["Tokushima", "徳島県"],
  ["Kagawa", "香川県"],
  ["Ehime", "愛媛県"],
  ["Kouchi", "高知県"],
  ["Fukuoka", "福岡県"],
  ["Saga", "佐賀県"],
  ["Nagasaki", "長崎県"],
  ["Kumamoto", "熊本県"],
  ["Oita", "大分県"],
  ["Miyazaki", "宮崎県"],
  ["Kagoshima", "鹿児島県"],
  ["Okinawa", "沖縄県"],
];

const TW: [string, string][] = [
  ["Taipei City", "台北市"],
  ["New Taipei City", "新北市"],
  ["Taoyuan City", "桃園市"],
  ["Taichung City", "台中市"],
  ["Tainan City", "台南市"],
  ["Kaohsiung City", "高雄市"],
  ["Keelung City", "基隆市"],
  ["Hsinchu City", "新竹市"],
  ["Chiayi City", "嘉義市"],
  ["Hsinchu County", "新竹縣"],
  ["Miaoli County", "苗栗縣"],
  ["Changhua County", "彰化縣"],
  ["Nantou County", "南投縣"],
  ["Yunlin County", "雲林縣"],
  ["Chiayi County", "嘉義縣"],
  ["Pingtung County", "屏東縣"],
  ["Yilan County", "宜蘭縣"],
  ["Hualien County", "花蓮縣"],
  ["Taitung County", "台東縣"],
  ["Penghu County", "澎湖縣"],
  ["Kinmen County", "金門縣"],
  ["Lienchiang County", "連江縣"],
];

const TH: [string, string][] = [
  ["Bangkok", "กรุงเทพมหานคร"],
  ["Pattaya", "พัทยา"],
  ["Northern", "ภาคเหนือ"],
  ["Central", "ภาคกลาง"],
  ["Southern", "ภาคใต้"],
  ["Eastern", "ภาคตะวันออก"],
  ["NorthEastern", "ภาคตะวันออกเฉียงเหนือ"],
  ["Western", "ภาคตะวันตก"],
];

// id_05 is "Lainnya" (other areas); the OpenAPI varnames are shifted by one from id_05 on, the codes and
// names below follow the enum descriptions.
const ID: [string, string][] = [
  ["Bali", "Bali"],
  ["Bandung", "Bandung"],
  ["Banjarmasin", "Banjarmasin"],
  ["Jabodetabek", "Jabodetabek"],
  ["Lainnya", "Lainnya"],
  ["Makassar", "Makassar"],
  ["Medan", "Medan"],
  ["Palembang", "Palembang"],
  ["Samarinda", "Samarinda"],
  ["Semarang", "Semarang"],
  ["Surabaya", "Surabaya"],
  ["Yogyakarta", "Yogyakarta"],
];

export const AREAS: readonly Area[] = [...build("jp", "JP", JP), ...build("tw", "TW", TW), ...build("th", "TH", TH), ...build("id", "ID", ID)];

export const AREA_CODES: ReadonlySet<string> = new Set(AREAS.map((a) => a.code));

const BY_CODE = new Map(AREAS.map((a) => [a.code, a]));

export function areaByCode(code: string): Area | undefined {
  return BY_CODE.get(code);
}

export function areasOf(country: Country): Area[] {
  return AREAS.filter((a) => a.country === country);
}

/**
 * The label the demographics insight uses for an area. LINE's example shows Japanese prefecture names
 * without the 都/府/県 suffix ("徳島"); other countries use their local names here.
 */
export function insightAreaLabel(area: Area): string {
  if (area.country !== "JP" || area.localName === "北海道") return area.localName;
  return area.localName.replace(/[都府県]$/, "");
}

function build(prefix: string, country: Country, rows: [string, string][]): Area[] {
  return rows.map(([name, localName], i) => ({
    code: `${prefix}_${String(i + 1).padStart(2, "0")}`,
    country,
    name,
    localName,
  }));
}
