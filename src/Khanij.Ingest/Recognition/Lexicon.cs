using Khanij.Core.Catalogue;
using Khanij.Core.Text;

namespace Khanij.Ingest.Recognition;

/// <summary>Everything the recogniser looks up: catalogue entities (countries, frameworks, minerals), organisations and cities
/// from <c>data/catalogue</c>, and the linguistic cues (instruments, meetings, status, areas, roles) in Hindi and English.
/// Two layers: entities and cues, matched independently so that "India–Japan working group on critical minerals" yields
/// both the countries and minerals and the working-group cue. Immutable after construction; safe to share.</summary>
internal sealed class Lexicon
{
    /// <summary>The generic "critical minerals" id used when no specific mineral is named.</summary>
    public const string CriticalMinerals = "critical_minerals";

    private static readonly (string Phrase, EntryKind Kind, string Id)[] Cues =
    [
        // instruments
        ("समझौता ज्ञापन", EntryKind.Instrument, "mou"), ("समझौते ज्ञापन", EntryKind.Instrument, "mou"), ("एमओयू", EntryKind.Instrument, "mou"),
        ("MoU", EntryKind.Instrument, "mou"), ("MoUs", EntryKind.Instrument, "mou"), ("MOU", EntryKind.Instrument, "mou"),
        ("memorandum of understanding", EntryKind.Instrument, "mou"), ("memorandum", EntryKind.Instrument, "mou"),
        ("समझौता पत्र", EntryKind.Instrument, "mou"), ("समझौते पत्र", EntryKind.Instrument, "mou"), ("सहमति पत्र", EntryKind.Instrument, "mou"),
        ("सहमति ज्ञापन", EntryKind.Instrument, "mou"), ("letter of intent", EntryKind.Instrument, "mou"), ("आशय पत्र", EntryKind.Instrument, "mou"),
        ("LoI", EntryKind.Instrument, "mou"),
        ("memorandum of cooperation", EntryKind.Instrument, "moc"), ("MoC", EntryKind.Instrument, "moc"), ("MOC", EntryKind.Instrument, "moc"),
        ("सहयोग ज्ञापन", EntryKind.Instrument, "moc"), ("एमओसी", EntryKind.Instrument, "moc"),
        ("प्रोटोकॉल", EntryKind.Instrument, "protocol"), ("प्रोटोकाल", EntryKind.Instrument, "protocol"), ("protocol", EntryKind.Instrument, "protocol"),
        ("समझौता", EntryKind.Instrument, "agreement"), ("समझौते", EntryKind.Instrument, "agreement"), ("समझौतों", EntryKind.Instrument, "agreement"),
        ("करार", EntryKind.Instrument, "agreement"), ("अनुबंध", EntryKind.Instrument, "agreement"), ("agreement", EntryKind.Instrument, "agreement"), ("pact", EntryKind.Instrument, "agreement"),
        ("deal", EntryKind.Instrument, "agreement"), ("डील", EntryKind.Instrument, "agreement"), ("accord", EntryKind.Instrument, "agreement"),
        ("treaty", EntryKind.Instrument, "agreement"), ("संधि", EntryKind.Instrument, "agreement"), ("offtake agreement", EntryKind.Instrument, "agreement"),
        ("व्यापार समझौता", EntryKind.Instrument, "trade_agreement"), ("व्यापार समझौते", EntryKind.Instrument, "trade_agreement"),
        ("व्यापारिक समझौता", EntryKind.Instrument, "trade_agreement"), ("व्यापारिक समझौते", EntryKind.Instrument, "trade_agreement"),
        ("trade agreement", EntryKind.Instrument, "trade_agreement"), ("trade deal", EntryKind.Instrument, "trade_agreement"),
        ("free trade agreement", EntryKind.Instrument, "trade_agreement"), ("मुक्त व्यापार समझौता", EntryKind.Instrument, "trade_agreement"),
        ("मुक्त व्यापार समझौते", EntryKind.Instrument, "trade_agreement"), ("FTA", EntryKind.Instrument, "trade_agreement"),
        ("एफटीए", EntryKind.Instrument, "trade_agreement"), ("टैरिफ डील", EntryKind.Instrument, "trade_agreement"), ("CEPA", EntryKind.Instrument, "trade_agreement"),
        ("economic partnership agreement", EntryKind.Instrument, "trade_agreement"), ("ECTA", EntryKind.Instrument, "trade_agreement"),
        ("संयुक्त बयान", EntryKind.Instrument, "joint_statement"), ("संयुक्त वक्तव्य", EntryKind.Instrument, "joint_statement"),
        ("joint statement", EntryKind.Instrument, "joint_statement"), ("joint declaration", EntryKind.Instrument, "joint_statement"),
        ("संयुक्त घोषणा", EntryKind.Instrument, "joint_statement"), ("joint communique", EntryKind.Instrument, "joint_statement"),
        ("joint communiqué", EntryKind.Instrument, "joint_statement"), ("संयुक्त विज्ञप्ति", EntryKind.Instrument, "joint_statement"), ("संयुक्त घोषणापत्र", EntryKind.Instrument, "joint_statement"),
        ("परियोजना", EntryKind.Instrument, "project"), ("परियोजनाएं", EntryKind.Instrument, "project"), ("परियोजनाओं", EntryKind.Instrument, "project"),
        ("प्रोजेक्ट", EntryKind.Instrument, "project"), ("project", EntryKind.Instrument, "project"), ("joint venture", EntryKind.Instrument, "project"),
        ("संयुक्त उद्यम", EntryKind.Instrument, "project"),
        ("निवेश", EntryKind.Instrument, "investment"), ("investment", EntryKind.Instrument, "investment"), ("invest", EntryKind.Instrument, "investment"),
        ("invested", EntryKind.Instrument, "investment"), ("investing", EntryKind.Instrument, "investment"),
        // meetings
        ("बैठक", EntryKind.MeetingCue, "meeting"), ("बैठकों", EntryKind.MeetingCue, "meeting"), ("मुलाकात", EntryKind.MeetingCue, "meeting"),
        ("भेंट", EntryKind.MeetingCue, "meeting"), ("वार्ता", EntryKind.MeetingCue, "meeting"), ("शिखर सम्मेलन", EntryKind.MeetingCue, "meeting"),
        ("सम्मेलन", EntryKind.MeetingCue, "meeting"), ("संवाद", EntryKind.MeetingCue, "meeting"), ("मीटिंग", EntryKind.MeetingCue, "meeting"),
        ("meeting", EntryKind.MeetingCue, "meeting"), ("met", EntryKind.MeetingCue, "meeting"), ("talks", EntryKind.MeetingCue, "meeting"),
        ("summit", EntryKind.MeetingCue, "meeting"), ("dialogue", EntryKind.MeetingCue, "meeting"), ("conference", EntryKind.MeetingCue, "meeting"),
        ("consultations", EntryKind.MeetingCue, "meeting"), ("bilateral meeting", EntryKind.MeetingCue, "meeting"),
        ("मंत्रिस्तरीय", EntryKind.MeetingCue, "ministerial"), ("मंत्री स्तरीय", EntryKind.MeetingCue, "ministerial"),
        ("मंत्रीस्तरीय", EntryKind.MeetingCue, "ministerial"), ("ministerial", EntryKind.MeetingCue, "ministerial"),
        ("कार्य समूह", EntryKind.MeetingCue, "working_group"), ("कार्यसमूह", EntryKind.MeetingCue, "working_group"),
        ("कार्यदल", EntryKind.MeetingCue, "working_group"), ("कार्य दल", EntryKind.MeetingCue, "working_group"),
        ("वर्किंग ग्रुप", EntryKind.MeetingCue, "working_group"), ("working group", EntryKind.MeetingCue, "working_group"),
        ("JWG", EntryKind.MeetingCue, "working_group"), ("task force", EntryKind.MeetingCue, "working_group"),
        ("joint committee", EntryKind.MeetingCue, "working_group"), ("संयुक्त समिति", EntryKind.MeetingCue, "working_group"),
        ("intergovernmental commission", EntryKind.MeetingCue, "working_group"), ("joint commission", EntryKind.MeetingCue, "working_group"),
        ("संयुक्त आयोग", EntryKind.MeetingCue, "working_group"), ("अंतर सरकारी आयोग", EntryKind.MeetingCue, "working_group"),
        ("चर्चा", EntryKind.DiscussionCue, "discuss"), ("बातचीत", EntryKind.DiscussionCue, "discuss"), ("विचार", EntryKind.DiscussionCue, "discuss"),
        ("विचार विमर्श", EntryKind.DiscussionCue, "discuss"), ("समीक्षा", EntryKind.DiscussionCue, "discuss"), ("सहमति", EntryKind.DiscussionCue, "discuss"),
        ("discussed", EntryKind.DiscussionCue, "discuss"), ("discussion", EntryKind.DiscussionCue, "discuss"), ("discuss", EntryKind.DiscussionCue, "discuss"),
        ("reviewed", EntryKind.DiscussionCue, "discuss"), ("agreed", EntryKind.DiscussionCue, "discuss"), ("explored", EntryKind.DiscussionCue, "discuss"),
        // status
        ("हस्ताक्षर", EntryKind.Status, "signed"), ("signed", EntryKind.Status, "signed"), ("sign", EntryKind.Status, "signed"),
        ("inked", EntryKind.Status, "signed"), ("signing", EntryKind.Status, "signed"),
        ("घोषणा", EntryKind.Status, "announced"), ("ऐलान", EntryKind.Status, "announced"), ("announced", EntryKind.Status, "announced"),
        ("मंजूरी", EntryKind.Status, "approved"), ("स्वीकृति", EntryKind.Status, "approved"), ("approved", EntryKind.Status, "approved"),
        ("cleared", EntryKind.Status, "approved"),
        ("ongoing", EntryKind.Status, "ongoing"), ("underway", EntryKind.Status, "ongoing"), ("negotiation", EntryKind.Status, "ongoing"),
        ("negotiations", EntryKind.Status, "ongoing"), ("negotiating", EntryKind.Status, "ongoing"), ("negotiators", EntryKind.Status, "ongoing"),
        ("बातचीत चल रही", EntryKind.Status, "ongoing"), ("वार्ता जारी", EntryKind.Status, "ongoing"), ("कर रहा है", EntryKind.Status, "ongoing"),
        ("कर रही है", EntryKind.Status, "ongoing"), ("कर रहे हैं", EntryKind.Status, "ongoing"),
        ("will", EntryKind.Future, "future"), ("shall", EntryKind.Future, "future"), ("plans", EntryKind.Future, "future"),
        ("planned", EntryKind.Future, "future"), ("proposed", EntryKind.Future, "future"), ("प्रस्तावित", EntryKind.Future, "future"),
        ("upcoming", EntryKind.Future, "future"), ("आगामी", EntryKind.Future, "future"),
        // areas
        ("अन्वेषण", EntryKind.Area, "exploration"), ("खोज", EntryKind.Area, "exploration"), ("exploration", EntryKind.Area, "exploration"),
        ("explore", EntryKind.Area, "exploration"), ("exploring", EntryKind.Area, "exploration"), ("prospecting", EntryKind.Area, "exploration"),
        ("पूर्वेक्षण", EntryKind.Area, "exploration"),
        ("खनन", EntryKind.Area, "mining"), ("mining", EntryKind.Area, "mining"), ("उत्खनन", EntryKind.Area, "mining"), ("दोहन", EntryKind.Area, "mining"),
        ("प्रसंस्करण", EntryKind.Area, "processing"), ("प्रसंस्कृत", EntryKind.Area, "processing"), ("processing", EntryKind.Area, "processing"),
        ("beneficiation", EntryKind.Area, "processing"),
        ("शोधन", EntryKind.Area, "refining"), ("रिफाइनिंग", EntryKind.Area, "refining"), ("रिफाइनरी", EntryKind.Area, "refining"),
        ("refining", EntryKind.Area, "refining"), ("refinery", EntryKind.Area, "refining"), ("परिष्करण", EntryKind.Area, "refining"),
        ("पुनर्चक्रण", EntryKind.Area, "recycling"), ("रीसाइक्लिंग", EntryKind.Area, "recycling"), ("recycling", EntryKind.Area, "recycling"),
        ("अपशिष्ट उत्पाद", EntryKind.Area, "recycling"), ("e-waste", EntryKind.Area, "recycling"),
        ("अनुसंधान", EntryKind.Area, "r_and_d"), ("research", EntryKind.Area, "r_and_d"), ("R&D", EntryKind.Area, "r_and_d"), ("शोध", EntryKind.Area, "r_and_d"),
        ("टेक्नोलॉजी ट्रांसफर", EntryKind.Area, "technology_transfer"), ("प्रौद्योगिकी हस्तांतरण", EntryKind.Area, "technology_transfer"),
        ("technology transfer", EntryKind.Area, "technology_transfer"), ("तकनीक साझा", EntryKind.Area, "technology_transfer"),
        ("technology sharing", EntryKind.Area, "technology_transfer"), ("प्रौद्योगिकियों को साझा", EntryKind.Area, "technology_transfer"),
        ("निधि", EntryKind.Area, "finance"), ("वित्तपोषण", EntryKind.Area, "finance"), ("funding", EntryKind.Area, "finance"),
        ("financing", EntryKind.Area, "finance"), ("finance", EntryKind.Area, "finance"),
        ("व्यापार", EntryKind.Area, "trade"), ("trade", EntryKind.Area, "trade"),
        ("बैटरी", EntryKind.Area, "battery_manufacturing"), ("battery", EntryKind.Area, "battery_manufacturing"),
        ("बैटरियों", EntryKind.Area, "battery_manufacturing"), ("batteries", EntryKind.Area, "battery_manufacturing"),
        ("इलेक्ट्रिक वाहन", EntryKind.Area, "ev"), ("इलेक्ट्रिक वाहनों", EntryKind.Area, "ev"), ("electric vehicle", EntryKind.Area, "ev"),
        ("EV", EntryKind.Area, "ev"), ("EVs", EntryKind.Area, "ev"), ("इलेक्ट्रिक मोबिलिटी", EntryKind.Area, "ev"), ("e-mobility", EntryKind.Area, "ev"),
        ("electric mobility", EntryKind.Area, "ev"),
        ("सेमीकंडक्टर", EntryKind.Area, "semiconductors"), ("semiconductor", EntryKind.Area, "semiconductors"),
        ("परीक्षण और प्रमाणन", EntryKind.Area, "testing_certification"), ("प्रमाणन", EntryKind.Area, "testing_certification"),
        ("testing and certification", EntryKind.Area, "testing_certification"), ("certification", EntryKind.Area, "testing_certification"),
        ("आपूर्ति श्रृंखला", EntryKind.Area, "supply_chain_resilience"), ("आपूर्ति श्रृंखलाओं", EntryKind.Area, "supply_chain_resilience"),
        ("आपूर्ति शृंखला", EntryKind.Area, "supply_chain_resilience"), ("सप्लाई चेन", EntryKind.Area, "supply_chain_resilience"),
        ("supply chain", EntryKind.Area, "supply_chain_resilience"), ("supply chains", EntryKind.Area, "supply_chain_resilience"),
        ("रक्षा", EntryKind.Area, "defence"), ("defence", EntryKind.Area, "defence"), ("defense", EntryKind.Area, "defence"),
        ("क्षमता निर्माण", EntryKind.Area, "capacity_building"), ("capacity building", EntryKind.Area, "capacity_building"),
        ("अपशिष्ट प्रबंधन", EntryKind.Area, "waste_management"), ("waste management", EntryKind.Area, "waste_management"),
        ("stockpile", EntryKind.Area, "stockpiling"), ("stockpiling", EntryKind.Area, "stockpiling"), ("भंडारण", EntryKind.Area, "stockpiling"),
        // roles
        ("मंत्री", EntryKind.Role, "Minister"), ("प्रधानमंत्री", EntryKind.Role, "Prime Minister"), ("राष्ट्रपति", EntryKind.Role, "President"),
        ("सचिव", EntryKind.Role, "Secretary"), ("राजदूत", EntryKind.Role, "Ambassador"), ("सीएमडी", EntryKind.Role, "CMD"),
        ("अध्यक्ष", EntryKind.Role, "Chairman"), ("निदेशक", EntryKind.Role, "Director"), ("उप मंत्री", EntryKind.Role, "Deputy Minister"),
        ("सेक्रेटरी", EntryKind.Role, "Secretary"), ("चेयरमैन", EntryKind.Role, "Chairman"), ("उच्चायुक्त", EntryKind.Role, "High Commissioner"),
        ("Minister", EntryKind.Role, "Minister"), ("Secretary", EntryKind.Role, "Secretary"), ("Ambassador", EntryKind.Role, "Ambassador"),
        ("CMD", EntryKind.Role, "CMD"), ("Chairman", EntryKind.Role, "Chairman"), ("Director", EntryKind.Role, "Director"),
        ("President", EntryKind.Role, "President"), ("Prime Minister", EntryKind.Role, "Prime Minister"), ("Deputy Minister", EntryKind.Role, "Deputy Minister"),
        ("High Commissioner", EntryKind.Role, "High Commissioner"), ("CEO", EntryKind.Role, "CEO"),
        // both parties, home cues, context words
        ("दोनों देश", EntryKind.BothSides, "both"), ("दोनों पक्ष", EntryKind.BothSides, "both"), ("दोनों सरकारें", EntryKind.BothSides, "both"),
        ("दोनों सरकार", EntryKind.BothSides, "both"), ("दोनों नेता", EntryKind.BothSides, "both"), ("दोनों नेताओं", EntryKind.BothSides, "both"),
        ("दोनों सह अध्यक्ष", EntryKind.BothSides, "both"), ("दोनों मंत्री", EntryKind.BothSides, "both"), ("दोनों मंत्रियों", EntryKind.BothSides, "both"),
        ("both countries", EntryKind.BothSides, "both"), ("both sides", EntryKind.BothSides, "both"), ("the two countries", EntryKind.BothSides, "both"),
        ("two countries", EntryKind.BothSides, "both"), ("the two sides", EntryKind.BothSides, "both"), ("both nations", EntryKind.BothSides, "both"),
        ("the two nations", EntryKind.BothSides, "both"), ("both governments", EntryKind.BothSides, "both"), ("both leaders", EntryKind.BothSides, "both"),
        ("the two ministers", EntryKind.BothSides, "both"), ("both ministers", EntryKind.BothSides, "both"), ("the two leaders", EntryKind.BothSides, "both"),
        ("केंद्रीय", EntryKind.HomeCue, "IND"), 
        ("खनिज", EntryKind.MineralContext, "minerals"), ("खनिजों", EntryKind.MineralContext, "minerals"), ("mineral", EntryKind.MineralContext, "minerals"),
        ("minerals", EntryKind.MineralContext, "minerals"), ("मिनरल", EntryKind.MineralContext, "minerals"), ("मिनरल्स", EntryKind.MineralContext, "minerals"),
        ("अयस्क", EntryKind.MineralContext, "minerals"), ("ore", EntryKind.MineralContext, "minerals"), ("metals", EntryKind.MineralContext, "minerals"),
        ("खनन", EntryKind.MineralContext, "mining"), ("mining", EntryKind.MineralContext, "mining"), ("mines", EntryKind.MineralContext, "mining"),
        ("सहयोग", EntryKind.Cooperation, "cooperation"), ("साझेदारी", EntryKind.Cooperation, "cooperation"), ("cooperation", EntryKind.Cooperation, "cooperation"),
        ("collaboration", EntryKind.Cooperation, "cooperation"), ("partnership", EntryKind.Cooperation, "cooperation"),
    ];

    private static readonly string[] CriticalMineralPhrases =
    [
        "critical minerals", "critical mineral", "critical and strategic minerals", "strategic minerals", "critical raw materials",
        "critical minerals supply chain", "महत्वपूर्ण खनिज", "महत्त्वपूर्ण खनिज", "क्रिटिकल मिनरल", "क्रिटिकल मिनरल्स", "दुर्लभ खनिज",
        "रेयर मिनरल", "रेयर मिनरल्स", "अहम खनिज", "सामरिक खनिज", "रणनीतिक खनिज", "महत्वपूर्ण और रणनीतिक खनिज", "critical metals",
        "battery minerals", "battery metals", "energy transition minerals", "transition minerals", "बैटरी खनिज", "क्रिटिकल खनिज",
    ];

    /// <summary>Catalogue mineral ids that the event schema names differently.</summary>
    private static readonly Dictionary<string, string> EventMineralIds = new(StringComparer.Ordinal)
    {
        ["bauxite_aluminium"] = "aluminium",
    };

    private Lexicon(Gazetteer entities, Gazetteer cues, IReadOnlyDictionary<string, Organisation> organisations, IReadOnlyDictionary<string, City> cities)
    {
        Entities = entities;
        CueWords = cues;
        Organisations = organisations;
        Cities = cities;
    }

    public Gazetteer Entities { get; }

    public Gazetteer CueWords { get; }

    public IReadOnlyDictionary<string, Organisation> Organisations { get; }

    public IReadOnlyDictionary<string, City> Cities { get; }

    /// <summary>Builds the lexicon from the catalogue and the texts of <c>organisations.csv</c> and <c>cities.csv</c> (either may be null).</summary>
    public static Lexicon Build(KhanijCatalogue catalogue, string? organisationsCsv, string? citiesCsv)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var entities = new Gazetteer();
        var cues = new Gazetteer();
        var cities = new Dictionary<string, City>(StringComparer.Ordinal);
        var cityNames = new HashSet<string>(StringComparer.Ordinal);
        if (citiesCsv is not null)
        {
            var table = Csv.Parse(citiesCsv, "catalogue/cities.csv");
            int en = Col(table, "name_en"), hi = Col(table, "names_hi"), aliases = Col(table, "aliases_en"), iso = Col(table, "iso3");
            foreach (var r in table.Rows)
            {
                var city = new City(r[en], r[iso]);
                cities[city.NameEn] = city;
                foreach (var name in Split(r[hi], '|').Concat(Split(r[aliases], ';')).Append(r[en]))
                {
                    entities.Add(name, EntryKind.City, city.NameEn, city.Iso3, city.NameEn);
                    cityNames.Add(TextNormalizer.Key(name));
                }
            }
        }
        foreach (var c in catalogue.Countries)
        {
            var names = new[] { c.NameEn }.Concat(c.NamesHi).Concat(c.AliasesEn).Concat(c.AdjectivesHi).Concat(c.AdjectivesEn);
            foreach (var name in names)
            {
                if (name.Length < 2 || (cityNames.Contains(TextNormalizer.Key(name)) && name != c.NameEn) || name.Contains(',', StringComparison.Ordinal))
                {
                    continue; // capitals are venues, not parties; "Korea, Republic of" is a listing form, not running text
                }
                entities.Add(name, EntryKind.Country, c.Iso3);
            }
        }
        foreach (var f in catalogue.Frameworks)
        {
            foreach (var name in new[] { f.Id, f.NameEn }.Concat(f.NamesHi).Concat(f.AliasesEn))
            {
                entities.Add(name, EntryKind.Framework, f.Id);
            }
        }
        foreach (var m in catalogue.Minerals)
        {
            var id = EventMineralIds.GetValueOrDefault(m.Id, m.Id);
            foreach (var name in new[] { m.NameEn }.Concat(m.NamesHi).Concat(m.AliasesEn))
            {
                entities.Add(name, EntryKind.Mineral, id);
            }
        }
        foreach (var phrase in (string[])["अमेरिकी डॉलर", "US dollar", "US dollars", "ऑस्ट्रेलियाई डॉलर", "Australian dollar", "Australian dollars",
            "कनाडाई डॉलर", "Canadian dollar", "Canadian dollars", "जापानी येन", "Japanese yen", "Indian rupee", "Indian rupees", "भारतीय रुपये"])
        {
            entities.Add(phrase, EntryKind.Currency, "currency"); // "अमेरिकी डॉलर" names a currency, not a party
        }
        foreach (var phrase in (string[])["Union Minister", "Union Cabinet", "External Affairs Minister", "Minister of External Affairs"])
        {
            entities.Add(phrase, EntryKind.HomeCue, "IND"); // India-specific titles; in the entity layer so the role word stays a cue
        }
        foreach (var phrase in CriticalMineralPhrases)
        {
            entities.Add(phrase, EntryKind.Mineral, CriticalMinerals);
        }
        var organisations = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        if (organisationsCsv is not null)
        {
            var table = Csv.Parse(organisationsCsv, "catalogue/organisations.csv");
            int id = Col(table, "id"), en = Col(table, "name_en"), hi = Col(table, "names_hi"), aliases = Col(table, "aliases_en"),
                country = Col(table, "country"), kind = Col(table, "kind");
            foreach (var r in table.Rows)
            {
                var org = new Organisation(r[id], r[en], r[country].Length == 3 ? r[country] : null, r[kind]);
                organisations[org.Id] = org;
                foreach (var name in Split(r[hi], '|').Concat(Split(r[aliases], ';')).Append(r[en]))
                {
                    entities.Add(name, EntryKind.Organisation, org.Id, org.Country, org.NameEn);
                }
            }
        }
        foreach (var (phrase, kind, cueId) in Cues)
        {
            cues.Add(phrase, kind, cueId);
        }
        return new Lexicon(entities, cues, organisations, cities);
    }

    private static int Col(CsvTable table, string name)
    {
        var i = table.IndexOf(name);
        return i >= 0 ? i : throw new FormatException($"{table.Source}:1:1: missing column '{name}'; found {string.Join(", ", table.Header)}.");
    }

    private static string[] Split(string value, char separator) =>
        value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
