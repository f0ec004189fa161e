namespace Khanij.Ingest.Dates;

/// <summary>A date found in text: an absolute date (year known), a day and month without a year, or a weekday/relative
/// expression to resolve against the publication date.</summary>
/// <param name="Start">Start in the normalised text.</param>
/// <param name="End">End (exclusive).</param>
/// <param name="Date">The date when the year is stated; null otherwise.</param>
/// <param name="Month">Month (1–12) of a day-month date without year, else 0.</param>
/// <param name="Day">Day of a day-month date without year, else 0.</param>
/// <param name="Weekday">The weekday of "on Monday"/"मंगलवार को", or null.</param>
/// <param name="OffsetDays">Days from publication for today/yesterday/आज (0, -1 …), or null.</param>
/// <param name="Future">True for "next Monday"/"अगले सोमवार".</param>
internal sealed record DateMention(int Start, int End, DateOnly? Date, int Month, int Day, DayOfWeek? Weekday, int? OffsetDays, bool Future)
{
    /// <summary>"कल": yesterday or tomorrow, decided by the tense of its sentence (<see cref="ForTense"/>); unresolved until then.</summary>
    public bool TenseDependent { get; init; }

    /// <summary>Days a tense-dependent word stands for: 1 for "कल" (yesterday/tomorrow), 2 for "परसों" (the day before yesterday / after
    /// tomorrow).</summary>
    public int TenseDays { get; init; } = 1;

    /// <summary>The date belongs to a reporting verb ("said on Friday", "ने सोमवार को बताया"): when the report was made, not the event.</summary>
    public bool Reporting { get; init; }

    /// <summary>A period that names no day ("last week", "earlier this month", "पिछले सप्ताह"): the event is dated by publication.</summary>
    public bool Vague { get; init; }

    /// <summary>Last day of a range of days ("17 से 20 सितम्बर" → 20), else 0.</summary>
    public int RangeEnd { get; init; }

    /// <summary>Marked as past by its own words ("last Monday", "बीते रविवार", "पिछले"): the sentence's tense does not move it.</summary>
    public bool Past { get; init; }

    /// <summary>This mention read in a sentence whose verb is future (<paramref name="future"/>) or not: "कल" becomes tomorrow or
    /// yesterday; a bare weekday ("on Tuesday", "मंगलवार को") in a future sentence is the next such day.</summary>
    public DateMention ForTense(bool future)
    {
        if (TenseDependent)
        {
            return this with { TenseDependent = false, OffsetDays = future ? TenseDays : -TenseDays };
        }
        if (future && (Weekday is not null || Month > 0) && !Past && !Future)
        {
            return this with { Future = true };
        }
        return this;
    }

    /// <summary>A day of this range as a mention at <paramref name="start"/>–<paramref name="end"/>: <paramref name="dayIndex"/> 0 is the
    /// first day ("on the opening day"), 1 the second …, -1 the last ("on the final day"); null when this is no range or the range
    /// is shorter.</summary>
    public DateMention? DayOfRange(int start, int end, int dayIndex)
    {
        var first = Date?.Day ?? Day;
        if (RangeEnd == 0 || first == 0)
        {
            return null;
        }
        var day = dayIndex < 0 ? RangeEnd : first + dayIndex;
        if (day > RangeEnd)
        {
            return null;
        }
        return this with
        {
            Start = start, End = end, RangeEnd = 0, Reporting = false,
            Date = Date is { } d ? DateParser.TryDate(d.Year, d.Month, day) : null,
            Day = Date is null ? day : 0,
        };
    }

    /// <summary>The calendar date this mention denotes given the publication date, or null when it cannot be resolved.</summary>
    public DateOnly? Resolve(DateOnly? published)
    {
        if (Date is { } d)
        {
            return d;
        }
        if (published is not { } p)
        {
            return null;
        }
        if (Month > 0)
        {
            // a day and month without a year is the one nearest publication: "on December 29" in a story of 5 January is last year's,
            // "will meet on 10 January" in a December story next year's
            var sameYear = DateParser.TryDate(p.Year, Month, Day);
            if (sameYear is { } c && !Future && c > p.AddDays(62))
            {
                return DateParser.TryDate(p.Year - 1, Month, Day);
            }
            if (sameYear is { } f && Future && f < p.AddDays(-62))
            {
                return DateParser.TryDate(p.Year + 1, Month, Day);
            }
            return sameYear;
        }
        if (OffsetDays is { } offset)
        {
            return p.AddDays(offset);
        }
        if (Weekday is { } w)
        {
            var delta = ((int)p.DayOfWeek - (int)w + 7) % 7;
            if (Future)
            {
                var ahead = ((int)w - (int)p.DayOfWeek + 7) % 7;
                return p.AddDays(ahead == 0 ? 7 : ahead);
            }
            return p.AddDays(-delta);
        }
        return null;
    }
}
