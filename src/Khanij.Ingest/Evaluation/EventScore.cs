namespace Khanij.Ingest.Evaluation;

/// <summary>The figures of <c>shared/tools/score_events.py</c> for one set of predictions.</summary>
/// <param name="Documents">Documents named by the gold file.</param>
/// <param name="GoldCoreOccasions">Distinct occasions (or ids) of non-optional gold events.</param>
/// <param name="Predicted">Predictions on gold documents.</param>
/// <param name="MatchedPredictions">Predictions that matched a gold event (optional ones included, except in strict mode).</param>
/// <param name="Precision">Matched predictions / predictions (strict: predictions on optional events left out of both).</param>
/// <param name="Recall">Core occasions detected / core occasions.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="MatchedCore">Predictions matched to a core event (the rows of the field scores).</param>
/// <param name="Parties">Mean set-F1 of parties on matched core events.</param>
/// <param name="Minerals">Mean set-F1 of minerals on matched core events.</param>
/// <param name="Instrument">Share of matched core events with an accepted instrument.</param>
/// <param name="Date">Share of matched core events (with a gold date) with an accepted date.</param>
/// <param name="EvidenceFound">Evidence strings found verbatim in their document (null when no document directory was given).</param>
/// <param name="EvidenceTotal">Evidence strings checked.</param>
/// <param name="Strict">Scored as <c>score_events.py --strict</c>.</param>
/// <param name="NeutralPredictions">Strict mode: predictions matched to an optional gold event, left out of precision.</param>
public sealed record EventScore(
    int Documents,
    int GoldCoreOccasions,
    int Predicted,
    int MatchedPredictions,
    double Precision,
    double Recall,
    double F1,
    int MatchedCore,
    double Parties,
    double Minerals,
    double Instrument,
    double Date,
    int? EvidenceFound,
    int EvidenceTotal,
    bool Strict = false,
    int NeutralPredictions = 0)
{
    /// <summary>Share of evidence strings found verbatim; NaN when no documents were checked (as the Python script prints).</summary>
    public double EvidenceVerbatim => EvidenceFound is null ? double.NaN : EvidenceTotal == 0 ? 0.0 : (double)EvidenceFound.Value / EvidenceTotal;

    /// <summary>The script's last line: <c>event_f1=… parties_f1=… minerals_f1=… instrument_acc=… date_acc=… evidence_verbatim=…</c>.</summary>
    public string SummaryLine =>
        $"event_f1={PyText.Fixed(F1, 3)} parties_f1={PyText.Fixed(Parties, 3)} minerals_f1={PyText.Fixed(Minerals, 3)} "
        + $"instrument_acc={PyText.Fixed(Instrument, 3)} date_acc={PyText.Fixed(Date, 3)} evidence_verbatim={PyText.Fixed(EvidenceVerbatim, 3)}";

    /// <summary>The script's full printout, line for line.</summary>
    public string Report
    {
        get
        {
            var lines = new List<string>
            {
                $"documents {Documents}  gold core occasions {GoldCoreOccasions}  predicted {Predicted}"
                + (Strict ? $"  (strict: {NeutralPredictions} on optional events left out)" : ""),
                $"detection  precision {PyText.Fixed(Precision, 2)}  recall {PyText.Fixed(Recall, 2)}  F1 {PyText.Fixed(F1, 2)}",
                $"fields on matched core events ({MatchedCore}): parties {PyText.Fixed(Parties, 2)}  minerals {PyText.Fixed(Minerals, 2)}  "
                + $"instrument {PyText.Fixed(Instrument, 2)}  date {PyText.Fixed(Date, 2)}",
            };
            if (EvidenceFound is not null)
            {
                lines.Add($"evidence verbatim {EvidenceFound}/{EvidenceTotal}");
            }
            lines.Add(SummaryLine);
            return string.Join('\n', lines);
        }
    }
}
