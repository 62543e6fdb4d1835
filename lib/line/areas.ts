// LINE's narrowcast area codes (AreaDemographic, messaging-api.yml): 47 prefectures of Japan, 22 cities and
// counties of Taiwan, 8 areas of Thailand and 12 of Indonesia. `local` is the name people there use
// (東京都, 臺北市, กรุงเทพมหานคร), which the console shows whatever its own language; `en` goes beside it.
// Note id_05 is "Lainnya" (other areas): the OpenAPI enum's variable names are shifted from there on,
// the codes and names below are right.

export const AREA_GROUPS = ["hokkaido", "tohoku", "kanto", "chubu", "kinki", "chugoku", "shikoku", "kyushu", "taiwan", "thailand", "indonesia"] as const;
export type AreaGroup = (typeof AREA_GROUPS)[number];

export interface Area {
  code: string;
  country: "JP" | "TW" | "TH" | "ID";
  group: AreaGroup;
  local: string;
  en: string;
}

export const AREAS: readonly Area[] = [
  { code: "jp_01", country: "JP", group: "hokkaido", local: "北海道", en: "Hokkaido" },
  { code: "jp_02", country: "JP", group: "tohoku", local: "青森県", en: "Aomori" },
  { code: "jp_03", country: "JP", group: "tohoku", local: "岩手県", en: "Iwate" },
  { code: "jp_04", country: "JP", group: "tohoku", local: "宮城県", en: "Miyagi" },
  { code: "jp_05", country: "JP", group: "tohoku", local: "秋田県", en: "Akita" },
  { code: "jp_06", country: "JP", group: "tohoku", local: "山形県", en: "Yamagata" },
  { code: "jp_07", country: "JP", group: "tohoku", local: "福島県", en: "Fukushima" },
  { code: "jp_08", country: "JP", group: "kanto", local: "茨城県", en: "Ibaraki" },
  { code: "jp_09", country: "JP", group: "kanto", local: "栃木県", en: "Tochigi" },
  { code: "jp_10", country: "JP", group: "kanto", local: "群馬県", en: "Gunma" },
  { code: "jp_11", country: "JP", group: "kanto", local: "埼玉県", en: "Saitama" },
  { code: "jp_12", country: "JP", group: "kanto", local: "千葉県", en: "Chiba" },
  { code: "jp_13", country: "JP", group: "kanto", local: "東京都", en: "Tokyo" },
  { code: "jp_14", country: "JP", group: "kanto", local: "神奈川県", en: "Kanagawa" },
  { code: "jp_15", country: "JP", group: "chubu", local: "新潟県", en: "Niigata" },
  { code: "jp_16", country: "JP", group: "chubu", local: "富山県", en: "Toyama" },
  { code: "jp_17", country: "JP", group: "chubu", local: "石川県", en: "Ishikawa" },
  { code: "jp_18", country: "JP", group: "chubu", local: "福井県", en: "Fukui" },
  { code: "jp_19", country: "JP", group: "chubu", local: "山梨県", en: "Yamanashi" },
  { code: "jp_20", country: "JP", group: "chubu", local: "長野県", en: "Nagano" },
  { code: "jp_21", country: "JP", group: "chubu", local: "岐阜県", en: "Gifu" },
  { code: "jp_22", country: "JP", group: "chubu", local: "静岡県", en: "Shizuoka" },
  { code: "jp_23", country: "JP", group: "chubu", local: "愛知県", en: "Aichi" },
  { code: "jp_24", country: "JP", group: "kinki", local: "三重県", en: "Mie" },
  { code: "jp_25", country: "JP", group: "kinki", local: "滋賀県", en: "Shiga" },
  { code: "jp_26", country: "JP", group: "kinki", local: "京都府", en: "Kyoto" },
  { code: "jp_27", country: "JP", group: "kinki", local: "大阪府", en: "Osaka" },
  { code: "jp_28", country: "JP", group: "kinki", local: "兵庫県", en: "Hyougo" },
  { code: "jp_29", country: "JP", group: "kinki", local: "奈良県", en: "Nara" },
  { code: "jp_30", country: "JP", group: "kinki", local: "和歌山県", en: "Wakayama" },
  { code: "jp_31", country: "JP", group: "chugoku", local: "鳥取県", en: "Tottori" },
  { code: "jp_32", country: "JP", group: "chugoku", local: "島根県", en: "Shimane" },
  { code: "jp_33", country: "JP", group: "chugoku", local: "岡山県", en: "Okayama" },
  { code: "jp_34", country: "JP", group: "chugoku", local: "広島県", en: "Hiroshima" },
  { code: "jp_35", country: "JP", group: "chugoku", local: "山口県", en: "Yamaguchi" },
  { code: "jp_36", country: "JP", group: "shikoku", local: "徳島県", en: "Tokushima" },
  { code: "jp_37", country: "JP", group: "shikoku", local: "香川県", en: "Kagawa" },
  { code: "jp_38", country: "JP", group: "shikoku", local: "愛媛県", en: "Ehime" },
  { code: "jp_39", country: "JP", group: "shikoku", local: "高知県", en: "Kouchi" },
  { code: "jp_40", country: "JP", group: "kyushu", local: "福岡県", en: "Fukuoka" },
  { code: "jp_41", country: "JP", group: "kyushu", local: "佐賀県", en: "Saga" },
  { code: "jp_42", country: "JP", group: "kyushu", local: "長崎県", en: "Nagasaki" },
  { code: "jp_43", country: "JP", group: "kyushu", local: "熊本県", en: "Kumamoto" },
  { code: "jp_44", country: "JP", group: "kyushu", local: "大分県", en: "Oita" },
  { code: "jp_45", country: "JP", group: "kyushu", local: "宮崎県", en: "Miyazaki" },
  { code: "jp_46", country: "JP", group: "kyushu", local: "鹿児島県", en: "Kagoshima" },
  { code: "jp_47", country: "JP", group: "kyushu", local: "沖縄県", en: "Okinawa" },
  { code: "tw_01", country: "TW", group: "taiwan", local: "臺北市", en: "Taipei City" },
  { code: "tw_02", country: "TW", group: "taiwan", local: "新北市", en: "New Taipei City" },
  { code: "tw_03", country: "TW", group: "taiwan", local: "桃園市", en: "Taoyuan City" },
  { code: "tw_04", country: "TW", group: "taiwan", local: "臺中市", en: "Taichung City" },
  { code: "tw_05", country: "TW", group: "taiwan", local: "臺南市", en: "Tainan City" },
  { code: "tw_06", country: "TW", group: "taiwan", local: "高雄市", en: "Kaohsiung City" },
  { code: "tw_07", country: "TW", group: "taiwan", local: "基隆市", en: "Keelung City" },
  { code: "tw_08", country: "TW", group: "taiwan", local: "新竹市", en: "Hsinchu City" },
  { code: "tw_09", country: "TW", group: "taiwan", local: "嘉義市", en: "Chiayi City" },
  { code: "tw_10", country: "TW", group: "taiwan", local: "新竹縣", en: "Hsinchu County" },
  { code: "tw_11", country: "TW", group: "taiwan", local: "苗栗縣", en: "Miaoli County" },
  { code: "tw_12", country: "TW", group: "taiwan", local: "彰化縣", en: "Changhua County" },
  { code: "tw_13", country: "TW", group: "taiwan", local: "南投縣", en: "Nantou County" },
  { code: "tw_14", country: "TW", group: "taiwan", local: "雲林縣", en: "Yunlin County" },
  { code: "tw_15", country: "TW", group: "taiwan", local: "嘉義縣", en: "Chiayi County" },
  { code: "tw_16", country: "TW", group: "taiwan", local: "屏東縣", en: "Pingtung County" },
  { code: "tw_17", country: "TW", group: "taiwan", local: "宜蘭縣", en: "Yilan County" },
  { code: "tw_18", country: "TW", group: "taiwan", local: "花蓮縣", en: "Hualien County" },
  { code: "tw_19", country: "TW", group: "taiwan", local: "臺東縣", en: "Taitung County" },
  { code: "tw_20", country: "TW", group: "taiwan", local: "澎湖縣", en: "Penghu County" },
  { code: "tw_21", country: "TW", group: "taiwan", local: "金門縣", en: "Kinmen County" },
  { code: "tw_22", country: "TW", group: "taiwan", local: "連江縣", en: "Lienchiang County" },
  { code: "th_01", country: "TH", group: "thailand", local: "กรุงเทพมหานคร", en: "Bangkok" },
  { code: "th_02", country: "TH", group: "thailand", local: "พัทยา", en: "Pattaya" },
  { code: "th_03", country: "TH", group: "thailand", local: "ภาคเหนือ", en: "Northern" },
  { code: "th_04", country: "TH", group: "thailand", local: "ภาคกลาง", en: "Central" },
  { code: "th_05", country: "TH", group: "thailand", local: "ภาคใต้", en: "Southern" },
  { code: "th_06", country: "TH", group: "thailand", local: "ภาคตะวันออก", en: "Eastern" },
  { code: "th_07", country: "TH", group: "thailand", local: "ภาคตะวันออกเฉียงเหนือ", en: "NorthEastern" },
  { code: "th_08", country: "TH", group: "thailand", local: "ภาคตะวันตก", en: "Western" },
  { code: "id_01", country: "ID", group: "indonesia", local: "Bali", en: "Bali" },
  { code: "id_02", country: "ID", group: "indonesia", local: "Bandung", en: "Bandung" },
  { code: "id_03", country: "ID", group: "indonesia", local: "Banjarmasin", en: "Banjarmasin" },
  { code: "id_04", country: "ID", group: "indonesia", local: "Jabodetabek", en: "Jabodetabek" },
  { code: "id_05", country: "ID", group: "indonesia", local: "Lainnya", en: "Lainnya" },
  { code: "id_06", country: "ID", group: "indonesia", local: "Makassar", en: "Makassar" },
  { code: "id_07", country: "ID", group: "indonesia", local: "Medan", en: "Medan" },
  { code: "id_08", country: "ID", group: "indonesia", local: "Palembang", en: "Palembang" },
  { code: "id_09", country: "ID", group: "indonesia", local: "Samarinda", en: "Samarinda" },
  { code: "id_10", country: "ID", group: "indonesia", local: "Semarang", en: "Semarang" },
  { code: "id_11", country: "ID", group: "indonesia", local: "Surabaya", en: "Surabaya" },
  { code: "id_12", country: "ID", group: "indonesia", local: "Yogyakarta", en: "Yogyakarta" },
];

export const AREA_CODES = AREAS.map((a) => a.code) as [string, ...string[]];

const byCode = new Map(AREAS.map((a) => [a.code, a]));
export function areaByCode(code: string): Area | undefined {
  return byCode.get(code);
}
