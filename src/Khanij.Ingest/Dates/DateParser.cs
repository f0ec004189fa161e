using System.Globalization;
using System.Text.RegularExpressions;

namespace Khanij.Ingest.Dates;

/// <summary>Finds dates in English and Hindi: month names in both languages (and abbreviations), ISO and numeric day-first forms,
/// weekdays ("on Monday", "मंगलवार को", "बीते रविवार") and today/yesterday. Regexes run without backtracking, so time is linear.</summary>
internal static class DateParser
{
    private static readonly (string Name, int Month)[] MonthNames =
    [
        ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3), ("april", 4), ("apr", 4), ("may", 5),
        ("june", 6), ("jun", 6), ("july", 7), ("jul", 7), ("august", 8), ("aug", 8), ("september", 9), ("sept", 9), ("sep", 9),
        ("october", 10), ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
        ("जनवरी", 1), ("फरवरी", 2), ("फ़रवरी", 2), ("फ़रवरी", 2), ("मार्च", 3), ("अप्रैल", 4), ("अप्रेल", 4), ("मई", 5), ("जून", 6),
        ("जुलाई", 7), ("अगस्त", 8), ("सितंबर", 9), ("सितम्बर", 9), ("अक्टूबर", 10), ("अक्तूबर", 10), ("नवंबर", 11), ("नवम्बर", 11),
        ("दिसंबर", 12), ("दिसम्बर", 12),
    ];

    private static readonly (string Name, DayOfWeek Day)[] WeekdayNames =
    [
        ("monday", DayOfWeek.Monday), ("tuesday", DayOfWeek.Tuesday), ("wednesday", DayOfWeek.Wednesday), ("thursday", DayOfWeek.Thursday),
        ("friday", DayOfWeek.Friday), ("saturday", DayOfWeek.Saturday), ("sunday", DayOfWeek.Sunday),
        ("सोमवार", DayOfWeek.Monday), ("मंगलवार", DayOfWeek.Tuesday), ("बुधवार", DayOfWeek.Wednesday), ("गुरुवार", DayOfWeek.Thursday),
        ("बृहस्पतिवार", DayOfWeek.Thursday), ("वीरवार", DayOfWeek.Thursday), ("शुक्रवार", DayOfWeek.Friday), ("शनिवार", DayOfWeek.Saturday),
        ("रविवार", DayOfWeek.Sunday),
    ];

    private static readonly Dictionary<string, int> Months = MonthNames.DistinctBy(m => m.Name.ToLowerInvariant()).ToDictionary(m => m.Name, m => m.Month, StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, DayOfWeek> Weekdays = WeekdayNames.ToDictionary(w => w.Name, w => w.Day, StringComparer.OrdinalIgnoreCase);

    private static readonly string MonthAlt = string.Join('|', MonthNames.Select(m => Regex.Escape(m.Name)).OrderByDescending(n => n.Length));
    private static readonly string WeekdayAlt = string.Join('|', WeekdayNames.Select(w => Regex.Escape(w.Name)).OrderByDescending(n => n.Length));

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    private static readonly Regex Iso = new(@"\b(?<y>(19|20)\d\d)-(?<m>\d\d?)-(?<d>\d\d?)(\b|T)", Options, Timeout);
    private static readonly Regex DayMonth = new(
        $@"(?<![\w])(?<d>\d\d?)(st|nd|rd|th)?[ .,\-]{{0,2}}(?<mon>{MonthAlt})(?![\w\p{{Mc}}])\.?,?[ ]?(?<y>(19|20)\d\d)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex MonthDay = new(
        $@"\b(?<mon>{MonthAlt})\.?[ ](?<d>\d\d?)(st|nd|rd|th)?\b,?[ ]?(?<y>(19|20)\d\d)?",
        Options, Timeout);
    private static readonly Regex Numeric = new(@"\b(?<d>\d\d?)(?<sep>[/.\-])(?<m>\d\d?)\k<sep>(?<y>(19|20)\d\d)\b", RegexOptions.CultureInvariant, Timeout);
    /// <summary>What joins the two days of a weekday range: " and ", " और ", " to ", " से ", " एवं ", " तथा ", "-".</summary>
    private static readonly Regex WeekdayJoin = new(@"^[ ]?(and|&|to|through|और|एवं|तथा|से|-|–|—)[ ]?$", Options, Timeout);

    private static readonly Regex Weekday = new(
        $@"(?<pre>\b(last|next|this|coming|previous|बीते|पिछले|गत|अगले|आगामी|आने वाले|इस)[ ])?(?<w>{WeekdayAlt})\b",
        Options, Timeout);
    /// <summary>"two days ago", "3 दिन पहले".</summary>
    private static readonly Regex DaysAgo = new(
        @"(?<n>\d\d?|two|three|four|five|six|दो|तीन|चार|पांच|पाँच|छह) (days ago|दिन पहले)\b", Options, Timeout);

    /// <summary>A period that names no day: "last week", "earlier this month", "late last month", "next week", "पिछले सप्ताह", "अगले
    /// हफ्ते", "इस महीने की शुरुआत में".</summary>
    private static readonly Regex VaguePeriod = new(
        @"\b((late |early )?last (week|month)|earlier this (week|month)|(early|late) this month|the previous (week|month)|next (week|month)|later this (week|month))\b|(पिछले|बीते|गत|अगले|आगामी) (सप्ताह|हफ्ते|हफ़्ते|महीने|माह)|इस (सप्ताह|हफ्ते|हफ़्ते|महीने|माह) (की शुरुआत|के शुरू|की शुरूआत)",
        Options, Timeout);

    private static readonly Regex Relative = new(@"\b(?<w>today|yesterday|tomorrow|आज|बीते कल)\b", Options, Timeout);

    /// <summary>"कल" on its own: yesterday or tomorrow, by the tense of its sentence (not "कला", "आजकल", "कलकत्ता").</summary>
    private static readonly Regex Kal = new(@"(?<![\w\p{Mc}\p{Mn}])(?<w>कल|परसों|परसो)(?![\w\p{Mc}\p{Mn}])", RegexOptions.CultureInvariant, Timeout);

    /// <summary>A reporting verb just before a date ("said on Friday", "told reporters on Monday", "announced on Tuesday that") …</summary>
    private static readonly Regex ReportingBefore = new(
        @"\b(said|says|told|stated|added|informed|noted|confirmed|reported|saying|statement|release)( [a-z]+)?( [a-z]+)? (on |late on |earlier on )?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

    /// <summary>… or just after it in Hindi ("अधिकारियों ने सोमवार को बताया कि", "मंत्रालय ने शुक्रवार को जारी बयान में कहा").</summary>
    private static readonly Regex ReportingAfter = new(
        @"^( को)?( [^ ]+)?( [^ ]+)? (बताया|कहा|जानकारी दी|बयान|घोषणा की कि|बताया है|कहा है)", RegexOptions.CultureInvariant, Timeout);

    /// <summary>A day of a range stated before: "on the final day", "on the last day", "at the close of the dialogue", "on the second
    /// day", "अंतिम दिन", "आखिरी दिन", "समापन सत्र में", "दूसरे दिन", "पहले दिन".</summary>
    private static readonly Regex RangeDay = new(
        @"\b(on|at) the (?<w>final|last|closing|concluding|opening|first|second|third|fourth) day\b|\bat the close of the (meeting|session|dialogue|talks|conference|summit)\b|(?<h>अंतिम|आखिरी|आख़िरी|समापन के|पहले|दूसरे|तीसरे|चौथे) दिन|(?<c>समापन) (सत्र|समारोह) में",
        Options, Timeout);

    /// <summary>A range of days in one month: "17 से 20 सितम्बर, 2023", "from 17 to 20 September 2025", "17-20 Sept", "between 3 and 5 May";
    /// the start is the date the range denotes.</summary>
    private static readonly Regex DayRange = new(
        $@"(?<![\w])(?<d>\d\d?)(st|nd|rd|th)?[ ]?(से|to|till|until|and|&|और|एवं|तथा|-|–|—)[ ]?(?<d2>\d\d?)(st|nd|rd|th)?[ .,\-]{{0,2}}(?<mon>{MonthAlt})(?![\w\p{{Mc}}])\.?,?[ ]?(?<y>(19|20)\d\d)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

    /// <summary>"September 17-20, 2025", "Sept 17 to 20".</summary>
    private static readonly Regex MonthDayRange = new(
        $@"\b(?<mon>{MonthAlt})\.?[ ](?<d>\d\d?)(st|nd|rd|th)?[ ]?(to|till|until|and|&|-|–|—)[ ]?(?<d2>\d\d?)(st|nd|rd|th)?\b,?[ ]?(?<y>(19|20)\d\d)?",
        Options, Timeout);

    /// <summary>A date in a URL path: /2026/01/22/, /2026-01-22, -20250919, _2025_09_19.</summary>
    private static readonly Regex UrlDate = new(
        @"[/\-_](?<y>(19|20)\d\d)(?<sep>[/\-_]?)(?<m>\d\d)\k<sep>(?<d>\d\d)(?!\d)",
        RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex Clock = new(@"\b\d\d?[:.]\d\d\b ?(am|pm|a\.m\.|p\.m\.|ist|hrs|बजे|पूर्वाह्न|अपराह्न)?", Options, Timeout);

    private static readonly Regex MonthYear = new($@"\b(?<mon>{MonthAlt})\.?,?[ ](?<y>(19|20)\d\d)\b", Options, Timeout);

    private static readonly Regex Within = new(
        @"\bwithin (?<n>\d\d?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?<u>days?|weeks?|months?|years?)\b", Options, Timeout);

    /// <summary>"छह महीने के भीतर", "30 दिनों के अंदर", "दो साल के भीतर".</summary>
    private static readonly Regex WithinHindi = new(
        @"(?<n>\d\d?|एक|दो|तीन|चार|पांच|पाँच|छह|छः|सात|आठ|नौ|दस|ग्यारह|बारह) (?<u>दिन|दिनों|सप्ताह|सप्ताहों|हफ्ते|हफ़्ते|हफ्तों|महीने|महीनों|माह|साल|सालों|वर्ष|वर्षों) (के भीतर|के अंदर|के अन्दर)",
        RegexOptions.CultureInvariant, Timeout);

    private static readonly string[] HindiNumberWords = ["शून्य", "एक", "दो", "तीन", "चार", "पांच", "छह", "सात", "आठ", "नौ", "दस", "ग्यारह", "बारह"];

    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    /// <summary>When a follow-up is due, from its sentence (<paramref name="folded"/>, digits in ASCII): a full date, a month and year
    /// ("in March 2026", "जुलाई 2024 में" → <c>2026-03</c>), or "within six months" of <paramref name="published"/>; else null.</summary>
    public static string? DueDate(string folded, DateOnly? published)
    {
        try
        {
            foreach (var m in Find(folded))
            {
                if (m.Resolve(published) is { } d && (published is null || d >= published.Value))
                {
                    return Iso8601(d);
                }
            }
            if (MonthYear.Match(folded) is { Success: true } my && !(my.Groups["mon"].Value == "may"))
            {
                return $"{Int(my, "y"):D4}-{Months[my.Groups["mon"].Value]:D2}";
            }
            if (published is { } p && Within.Match(folded) is { Success: true } w)
            {
                var n = int.TryParse(w.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                    ? v : Array.IndexOf(NumberWords, w.Groups["n"].Value.ToLowerInvariant());
                var unit = w.Groups["u"].Value.ToLowerInvariant();
                var due = unit.StartsWith("day", StringComparison.Ordinal) ? p.AddDays(n)
                    : unit.StartsWith("week", StringComparison.Ordinal) ? p.AddDays(7 * n)
                    : unit.StartsWith("month", StringComparison.Ordinal) ? p.AddMonths(n) : p.AddYears(n);
                return Iso8601(due);
            }
            if (published is { } ph && WithinHindi.Match(folded) is { Success: true } wh)
            {
                var word = wh.Groups["n"].Value switch { "पाँच" => "पांच", "छः" => "छह", var x => x };
                var n = int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : Array.IndexOf(HindiNumberWords, word);
                var unit = wh.Groups["u"].Value;
                var due = unit.StartsWith("दिन", StringComparison.Ordinal) ? ph.AddDays(n)
                    : unit.StartsWith("सप्ताह", StringComparison.Ordinal) || unit.StartsWith("हफ", StringComparison.Ordinal) ? ph.AddDays(7 * n)
                    : unit.StartsWith("मही", StringComparison.Ordinal) || unit == "माह" ? ph.AddMonths(n) : ph.AddYears(n);
                return Iso8601(due);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // no due date rather than a hang
        }
        return null;
    }

    /// <summary>A clock time ("01:42 pm", "10:45", "4:30PM").</summary>
    public static bool HasClock(string text)
    {
        try
        {
            return text.Contains(':', StringComparison.Ordinal) && Clock.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>A full date (with its year) directly after a weekday name: "Sunday, November 30, 2025", "शनिवार, 22 नवंबर 2025" —
    /// the way page headers print today's date.</summary>
    public static bool HasWeekdayDate(string folded)
    {
        var mentions = Find(folded);
        for (var i = 0; i + 1 < mentions.Count; i++)
        {
            if (mentions[i].Weekday is not null && mentions[i + 1].Date is not null && mentions[i + 1].Start - mentions[i].End <= 3)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The date in a URL (<c>https://site/2026/01/22/slug</c>, <c>…/slug-20250919</c>), or null. Only the path counts.</summary>
    public static DateOnly? FromUrl(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var pathStart = url.IndexOf('/', scheme >= 0 ? scheme + 3 : 0);
        if (pathStart < 0)
        {
            return null;
        }
        try
        {
            foreach (Match m in UrlDate.Matches(url[pathStart..]))
            {
                if (TryDate(Int(m, "y"), Int(m, "m"), Int(m, "d")) is { } d)
                {
                    return d;
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // a pathological URL gives no date
        }
        return null;
    }

    /// <summary>All date mentions in <paramref name="text"/> (digits already folded to ASCII), ordered by position, without overlaps.</summary>
    public static IReadOnlyList<DateMention> Find(string text)
    {
        var found = new List<DateMention>();
        var hasDigit = text.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
        var hasDayWord = text.Contains("वार", StringComparison.Ordinal) || text.Contains("day", StringComparison.OrdinalIgnoreCase)
            || text.Contains("week", StringComparison.OrdinalIgnoreCase) || text.Contains("month", StringComparison.OrdinalIgnoreCase)
            || text.Contains("सप्ताह", StringComparison.Ordinal) || text.Contains("हफ", StringComparison.Ordinal) || text.Contains("मही", StringComparison.Ordinal) || text.Contains("माह", StringComparison.Ordinal)
            || text.Contains("आज", StringComparison.Ordinal) || text.Contains("कल", StringComparison.Ordinal) || text.Contains("परसो", StringComparison.Ordinal) || text.Contains("दिन", StringComparison.Ordinal)
            || text.Contains("tomorrow", StringComparison.OrdinalIgnoreCase);
        try
        {
            if (hasDigit)
            {
                FindAbsolute(text, found);
            }
            if (hasDayWord)
            {
                FindRelative(text, found);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Bounded by design: a pathological line gives fewer dates, never a hang.
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        if (found.Count > 0)
        {
            MarkReporting(text, found);
        }
        return found;
    }

    private static void FindAbsolute(string text, List<DateMention> found)
    {
        foreach (var regex in new[] { DayRange, MonthDayRange })
        {
            foreach (Match m in regex.Matches(text))
            {
                var month = Months[m.Groups["mon"].Value];
                var (day, last) = (Int(m, "d"), Int(m, "d2"));
                if (day is < 1 or > 31 || last <= day || last > 31)
                {
                    continue; // not a range of days ("2 to 14 May" is one, "20 to 3 May" is not)
                }
                if (m.Groups["y"].Success)
                {
                    if (TryDate(Int(m, "y"), month, day) is { } start)
                    {
                        AddMention(found, new DateMention(m.Index, m.Index + m.Length, start, 0, 0, null, null, false) { RangeEnd = last });
                    }
                }
                else if (TryDate(2000, month, day) is not null)
                {
                    AddMention(found, new DateMention(m.Index, m.Index + m.Length, null, month, day, null, null, false) { RangeEnd = last });
                }
            }
        }
        foreach (Match m in Iso.Matches(text))
        {
            Add(found, m, TryDate(Int(m, "y"), Int(m, "m"), Int(m, "d")));
        }
        foreach (Match m in Numeric.Matches(text))
        {
            // day first, as India writes it (05/12/2025 is 5 December); month first only where day first is impossible (11/13/2025)
            Add(found, m, TryDate(Int(m, "y"), Int(m, "m"), Int(m, "d")) ?? TryDate(Int(m, "y"), Int(m, "d"), Int(m, "m")));
        }
        foreach (var regex in new[] { DayMonth, MonthDay })
        {
            foreach (Match m in regex.Matches(text))
            {
                var month = Months[m.Groups["mon"].Value];
                var day = Int(m, "d");
                if (day is < 1 or > 31 || (regex == MonthDay && m.Groups["mon"].Value == "may"))
                {
                    continue; // "may 5 countries": the modal verb, not the month
                }
                if (m.Groups["y"].Success)
                {
                    Add(found, m, TryDate(Int(m, "y"), month, day));
                }
                else if (TryDate(2000, month, day) is not null)
                {
                    AddMention(found, new DateMention(m.Index, m.Index + m.Length, null, month, day, null, null, false));
                }
            }
        }
    }

    private static void FindRelative(string text, List<DateMention> found)
    {
        Match? prev = null;
        foreach (Match m in Weekday.Matches(text))
        {
            // two days joined by a conjunction ("on Tuesday and Wednesday", "मंगलवार और बुधवार को") are a range: its start is
            // the date, so the second day is no mention of its own
            var joined = prev is not null && WeekdayJoin.IsMatch(text.AsSpan(prev.Index + prev.Length, m.Index - prev.Index - prev.Length));
            prev = m;
            if (joined)
                continue;
            var pre = m.Groups["pre"].Value.Trim().ToLowerInvariant();
            var future = pre is "next" or "coming" or "अगले" or "आगामी" or "आने वाले";
            var past = pre is "last" or "previous" or "बीते" or "पिछले" or "गत";
            AddMention(found, new DateMention(m.Index, m.Index + m.Length, null, 0, 0, Weekdays[m.Groups["w"].Value], null, future) { Past = past });
        }
        foreach (Match m in Relative.Matches(text))
        {
            var w = m.Groups["w"].Value.ToLowerInvariant();
            var offset = w is "today" or "आज" ? 0 : w == "tomorrow" ? 1 : -1;
            AddMention(found, new DateMention(m.Index, m.Index + m.Length, null, 0, 0, null, offset, false));
        }
        foreach (Match m in VaguePeriod.Matches(text))
        {
            AddMention(found, new DateMention(m.Index, m.Index + m.Length, null, 0, 0, null, null, false) { Vague = true });
        }
        foreach (Match m in DaysAgo.Matches(text))
        {
            var n = m.Groups["n"].Value.ToLowerInvariant() switch
            {
                "two" or "दो" => 2, "three" or "तीन" => 3, "four" or "चार" => 4, "five" or "पांच" or "पाँच" => 5, "six" or "छह" => 6,
                var x => int.Parse(x, NumberStyles.None, CultureInfo.InvariantCulture),
            };
            AddMention(found, new DateMention(m.Index, m.Index + m.Length, null, 0, 0, null, -n, false));
        }
        foreach (Match m in Kal.Matches(text))
        {
            var days = m.Groups["w"].Value == "कल" ? 1 : 2;
            AddMention(found, new DateMention(m.Index, m.Index + m.Length, null, 0, 0, null, null, false) { TenseDependent = true, TenseDays = days });
        }
    }

    /// <summary>Marks the dates that belong to a reporting verb ("the ministry said on Friday", "अधिकारियों ने सोमवार को बताया").</summary>
    private static void MarkReporting(string text, List<DateMention> found)
    {
        for (var i = 0; i < found.Count; i++)
        {
            var d = found[i];
            var before = text[Math.Max(0, d.Start - 40)..d.Start];
            var after = text[d.End..Math.Min(text.Length, d.End + 30)];
            if (ReportingBefore.IsMatch(before) || ReportingAfter.IsMatch(after))
            {
                found[i] = d with { Reporting = true };
            }
        }
    }

    /// <summary>Where a sentence speaks of a day of a range ("On the final day, …", "सम्मेलन के दूसरे दिन") and which: 0 the first,
    /// 1 the second …, -1 the last; Start is -1 when it does not.</summary>
    public static (int Start, int End, int DayIndex) FindRangeDay(string text)
    {
        try
        {
            var m = RangeDay.Match(text);
            if (!m.Success)
            {
                return (-1, -1, 0);
            }
            var word = m.Groups["w"].Success ? m.Groups["w"].Value.ToLowerInvariant() : m.Groups["h"].Success ? m.Groups["h"].Value : "last";
            var index = word switch
            {
                "opening" or "first" or "पहले" => 0,
                "second" or "दूसरे" => 1,
                "third" or "तीसरे" => 2,
                "fourth" or "चौथे" => 3,
                _ => -1,
            };
            return (m.Index, m.Index + m.Length, index);
        }
        catch (RegexMatchTimeoutException)
        {
            return (-1, -1, 0);
        }
    }

    public static DateOnly? TryDate(int year, int month, int day) =>
        year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day) : null;

    /// <summary>ISO form, <c>YYYY-MM-DD</c>.</summary>
    public static string Iso8601(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses the leading date of an ISO timestamp such as <c>2026-01-29T16:30:00+05:30</c>, or null.</summary>
    public static DateOnly? ParseIsoPrefix(string? value)
    {
        if (value is null || value.Length < 10)
        {
            return null;
        }
        return DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static void Add(List<DateMention> found, Match m, DateOnly? date)
    {
        if (date is not null)
        {
            AddMention(found, new DateMention(m.Index, m.Index + m.Length, date, 0, 0, null, null, false));
        }
    }

    private static void AddMention(List<DateMention> found, DateMention mention)
    {
        if (found.Count >= 2_000)
        {
            return; // no article has this many dates; keeps the overlap check bounded
        }
        foreach (var f in found)
        {
            if (mention.Start < f.End && f.Start < mention.End)
            {
                return; // an earlier (more specific) pattern already covers this span
            }
        }
        found.Add(mention);
    }

    private static int Int(Match m, string group) =>
        int.TryParse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
