using CsvHelper;
using Partnership.CareRegister.Demo;

namespace Partnership.CareRegister.Ssda903.Sample;

/// <summary>
/// Writes a deterministic synthetic SSDA903 return that conforms to the rules the importer checks: episodes of each
/// child are contiguous, within the year, coded from the DfE lists; OC2 holds exactly the children looked after
/// continuously for 12 months at 31 March (short breaks excluded) and OC3 care leavers aged 17–21; a child adopted in
/// the year has a placement order and an adoptive placement before the adoption, and rows in AD1 and Placed for
/// adoption; home and placement postcodes lie in districts the register can locate. Children are
/// generated and written one at a time, so a national-scale year needs no more memory than a small one.
/// </summary>
public sealed class Ssda903SampleGenerator
{
    public static readonly string[] FileNames =
        ["header.csv", "episodes.csv", "reviews.csv", "uasc.csv", "oc2.csv", "oc3.csv", "missing.csv", "ad1.csv", "placed_for_adoption.csv"];

    private static readonly string[] LegalStatuses = ["C2", "C2", "C2", "C2", "C2", "C2", "V2", "V2", "E1", "C1"];
    private static readonly (string Place, string Provider)[] Placements =
    [
        ("U1", "PR1"), ("U3", "PR1"), ("U4", "PR1"), ("U4", "PR4"), ("U6", "PR4"), ("U5", "PR1"), ("U2", "PR1"),
        ("K2", "PR1"), ("K2", "PR4"), ("H5", "PR4"), ("P1", "PR0"), ("R1", "PR3"),
    ];
    private static readonly string[] Ethnicities = ["WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WOTH", "MWBC", "MWBA", "MOTH", "APKN", "AOTH", "BAFR", "BCRB", "OOTH"];
    private static readonly string[] PlaceChangeReasons = ["CARPL", "CHANGE", "LAREQ", "PLACE", "APPRR", "CREQB"];
    private static readonly string[] CeasedReasons = ["E11", "E12", "E13", "E41", "E43", "E45", "E4A", "E5", "E8"];
    private static readonly string[] InTouch = ["YES", "YES", "YES", "YES", "YES", "YES", "NO", "REFU", "NREQ"];
    private static readonly string[] Activities = ["F1", "P1", "F2", "P2", "G4", "G4", "G5", "G6"];
    private static readonly string[] Accommodations = ["B1", "C1", "D1", "E1", "K1", "R1", "S1", "T1", "U1", "V1", "W1", "B2", "T2"];

    public Ssda903SampleSummary Generate(string folder, Ssda903SampleOptions options)
    {
        Directory.CreateDirectory(folder);
        var run = new Run(folder, options);
        try
        {
            return run.Execute();
        }
        finally
        {
            run.Dispose();
        }
    }

    private sealed class SampleFile : IDisposable
    {
        private readonly CsvWriter _writer;

        public SampleFile(string path, string[] columns)
        {
            _writer = CsvWriter.Create(File.Create(path), CsvWriterOptions.Default, leaveOpen: false);
            _writer.WriteRecord(columns);
        }

        /// <summary>The line the next record will be on (the column header is line 1).</summary>
        public int NextLine { get; private set; } = 2;

        public int Write(params string?[] fields)
        {
            _writer.WriteRecord(fields.Select(f => f ?? "").ToArray());
            return NextLine++;
        }

        public void Dispose() => _writer.Dispose();
    }

    private enum Pattern { LongTerm, Entrant, Ceased, ShortBreak }

    private sealed class Run : IDisposable
    {
        private readonly Ssda903SampleOptions _o;
        private readonly Random _random;
        private readonly Ssda903Year _year;
        private readonly SampleFile _header, _episodes, _reviews, _uasc, _oc2, _oc3, _missing, _ad1, _placed;
        private readonly DemoPlacements _places;
        private readonly List<Ssda903InjectedFailure> _injected = [];
        private int _children, _episodeCount, _reviewCount, _oc2Count, _oc3Count, _missingCount, _uascCount, _shortBreaks;
        private int _ad1Count, _placedCount, _milestones, _childNumber;
        private bool _overlapInjected, _missingInjected, _reviewInjected, _dobInjected;
        private string _homePostcode = "";
        private string _placementPostcode = "";
        private bool _placementOrder;

        public Run(string folder, Ssda903SampleOptions options)
        {
            _o = options;
            _random = new Random(options.Seed);
            _year = new Ssda903Year(options.CollectionYear);
            _header = new SampleFile(Path.Combine(folder, "header.csv"), Ssda903Files.RequiredColumns[Ssda903FileKind.Header]);
            _episodes = new SampleFile(Path.Combine(folder, "episodes.csv"), Ssda903Files.RequiredColumns[Ssda903FileKind.Episodes]);
            _reviews = new SampleFile(Path.Combine(folder, "reviews.csv"), Ssda903Files.RequiredColumns[Ssda903FileKind.Reviews]);
            _uasc = new SampleFile(Path.Combine(folder, "uasc.csv"), Ssda903Files.RequiredColumns[Ssda903FileKind.Uasc]);
            _oc2 = new SampleFile(Path.Combine(folder, "oc2.csv"), Ssda903Files.RequiredColumns[Ssda903FileKind.Oc2]);
            _oc3 = new SampleFile(Path.Combine(folder, "oc3.csv"), Ssda903Files.RequiredColumns[Ssda903FileKind.Oc3]);
            _missing = new SampleFile(Path.Combine(folder, "missing.csv"), Ssda903Files.RequiredColumns[Ssda903FileKind.Missing]);
            _ad1 = new SampleFile(Path.Combine(folder, "ad1.csv"), Ssda903Files.RequiredColumns[Ssda903FileKind.Ad1]);
            _placed = new SampleFile(Path.Combine(folder, "placed_for_adoption.csv"), Ssda903Files.RequiredColumns[Ssda903FileKind.PlacedForAdoption]);
            _places = new DemoPlacements(_random);
        }

        public Ssda903SampleSummary Execute()
        {
            var careLeavers = _o.CareLeavers ?? _o.ChildrenInCare * 45 / 100;
            var oc2Cohort = 0;
            for (var i = 1; i <= _o.ChildrenInCare; i++)
            {
                _childNumber = i;
                oc2Cohort += ChildInCare($"{_o.ChildIdPrefix}{i:D7}") ? 1 : 0;
            }
            for (var i = 1; i <= careLeavers; i++)
            {
                CareLeaver($"{_o.ChildIdPrefix}L{i:D6}");
            }
            if (_o.InjectFailures)
            {
                InjectStandaloneFailures();
            }
            return new Ssda903SampleSummary(_children, _episodeCount, _reviewCount, _oc2Count, oc2Cohort, _oc3Count, _oc3Count,
                _missingCount, _uascCount, _shortBreaks, _injected, FileNames)
            {
                Ad1Records = _ad1Count, PlacedForAdoptionRecords = _placedCount, AdoptionMilestones = _milestones,
            };
        }

        /// <summary>Writes one child in care; returns whether the child is in the OC2 cohort.</summary>
        private bool ChildInCare(string id)
        {
            var age = _random.Next(0, 18);
            // Babies are at least a month old at 31 March, so there is room for an episode in the year.
            var dob = _year.End.AddYears(-age).AddDays(-_random.Next(age == 0 ? 30 : 0, 365));
            var pattern = _random.Next(100) switch { < 8 => Pattern.ShortBreak, < 58 => Pattern.LongTerm, < 80 => Pattern.Entrant, _ => Pattern.Ceased };
            var daysBeforeYear = _year.Start.DayNumber - dob.DayNumber;
            if (pattern is Pattern.LongTerm or Pattern.Ceased && daysBeforeYear < 3)
            {
                pattern = Pattern.Entrant;
            }
            var earliest = dob > _year.Start ? dob : _year.Start;

            WriteHeader(id, dob);
            _homePostcode = _places.Home();
            _placementPostcode = _places.Placement();
            _placementOrder = false;
            var (start, end) = pattern switch
            {
                Pattern.LongTerm => (_year.Start.AddDays(-_random.Next(1, Math.Min(2500, daysBeforeYear - 1))), (DateOnly?)null),
                Pattern.Ceased => (_year.Start.AddDays(-_random.Next(1, Math.Min(2500, daysBeforeYear - 1))), _year.Start.AddDays(_random.Next(30, 360))),
                _ => (Later(earliest.AddDays(1), Math.Min(330, _year.End.DayNumber - earliest.DayNumber - 2)), (DateOnly?)null),
            };
            if (pattern is Pattern.Entrant && _random.Next(100) < 30)
            {
                end = Later(start.AddDays(1), Math.Max(1, _year.End.DayNumber - start.DayNumber - 1));
            }
            if (pattern is Pattern.ShortBreak)
            {
                _shortBreaks++;
                end = Later(start, Math.Min(20, _year.End.DayNumber - start.DayNumber));
                WriteEpisode(id, start, end, "S", _random.Next(2) == 0 ? "V3" : "V4", ("U4", "PR1"), "E8", null);
                return false;
            }

            var rec = end is null ? null : CeasedReasons[_random.Next(CeasedReasons.Length)];
            // Adoption in the sample takes a child in care from before the year, young, with room in the year for the
            // placement order and the adoptive placement; other draws of E11/E12 become E13 (returned home).
            var adopted = rec is "E11" or "E12" && pattern is Pattern.Ceased && age <= 9 && end!.Value.DayNumber - _year.Start.DayNumber >= 20;
            if (rec is "E11" or "E12" && !adopted)
            {
                rec = "E13";
            }
            var lastStart = adopted ? WriteAdoption(id, dob, start, end!.Value, rec!) : WriteEpisodes(id, start, end, rec);
            if (pattern is Pattern.LongTerm && age <= 6 && _random.Next(5) == 0)
            {
                WriteReversedDecision(id, dob, start);
            }
            var inCohort = pattern is Pattern.LongTerm;
            var careFrom = start > _year.Start ? start : _year.Start;
            var careTo = end ?? _year.End;
            WriteReviews(id, dob, careFrom, careTo);
            WriteMissing(id, dob, careFrom, careTo);
            if (age >= 14 && _random.Next(100) < 20)
            {
                _uasc.Write(id, Sex(id), Ssda903Year.FormatDate(dob), null);
                _uascCount++;
            }
            if (inCohort)
            {
                WriteOc2(id, dob, age);
            }
            if (_o.InjectFailures && !_overlapInjected && inCohort && lastStart < _year.End.AddDays(-1))
            {
                // Starts while the child's open episode runs: the later, overlapping episode must be excluded.
                var line = _episodes.Write(id, Ssda903Year.FormatDate(lastStart.AddDays(1)), "P", "C2", "N1", "U1", "PR1", null, null, "CARPL", null, null, null);
                _injected.Add(new Ssda903InjectedFailure("episodes.csv", line, "DECOM", Ssda903Rules.EpisodeOverlap));
                _overlapInjected = true;
            }
            return inCohort;
        }

        /// <summary>The period of care as contiguous episodes: a first one, then changes within the year.</summary>
        private DateOnly WriteEpisodes(string id, DateOnly start, DateOnly? end, string? rec)
        {
            var changeFrom = start > _year.Start ? start : _year.Start;
            var changeTo = end ?? _year.End;
            var changes = new SortedSet<DateOnly>();
            var room = changeTo.DayNumber - changeFrom.DayNumber;
            for (var n = _random.Next(0, 3); n > 0 && room > 2; n--)
            {
                changes.Add(changeFrom.AddDays(_random.Next(1, room)));
            }
            var legalStatus = LegalStatuses[_random.Next(LegalStatuses.Length)];
            var placement = Placements[_random.Next(Placements.Length)];
            var episodeStart = start;
            var reason = "S";
            string? placeChange = null;
            foreach (var change in changes)
            {
                WriteEpisode(id, episodeStart, change, reason, legalStatus, placement, Ssda903Codes.EpisodeContinues, placeChange);
                episodeStart = change;
                if (_random.Next(4) == 0)
                {
                    reason = "L";
                    legalStatus = legalStatus == "V2" ? "C2" : "C1";
                    placeChange = null;
                }
                else
                {
                    reason = "P";
                    placement = Placements[_random.Next(Placements.Length)];
                    placeChange = PlaceChangeReasons[_random.Next(PlaceChangeReasons.Length)];
                    _placementPostcode = _places.Placement();
                }
            }
            WriteEpisode(id, episodeStart, end, reason, legalStatus, placement, rec, placeChange);
            return episodeStart;
        }

        /// <summary>
        /// A child adopted in the year: in care under an interim order, then a placement order (LS E1) and a move to
        /// adopters (A6, or A5 with the current foster carer), both inside the year, ending in the adoption; with the
        /// AD1 and Placed for adoption rows that go with it.
        /// </summary>
        private DateOnly WriteAdoption(string id, DateOnly dob, DateOnly start, DateOnly end, string rec)
        {
            var first = start.AddDays(1) > _year.Start ? start.AddDays(1) : _year.Start;
            var order = first.AddDays(_random.Next(0, Math.Max(1, (end.DayNumber - first.DayNumber) / 2)));
            var placed = order.AddDays(_random.Next(1, Math.Max(2, end.DayNumber - order.DayNumber)));
            var withFosterCarer = _random.Next(6) == 0;
            var foster = Placements[_random.Next(7)];
            WriteEpisode(id, start, order, "S", "C2", foster, Ssda903Codes.EpisodeContinues, null);
            WriteEpisode(id, order, placed, "L", "E1", foster, Ssda903Codes.EpisodeContinues, null);
            if (!withFosterCarer)
            {
                _placementPostcode = _places.Placement();
            }
            WriteEpisode(id, placed, end, "P", "E1", (withFosterCarer ? "A5" : "A6", "PR1"), rec, "APPRR");

            var decided = start.AddDays(_random.Next(1, Math.Max(2, order.DayNumber - start.DayNumber)));
            var matched = order.AddDays(_random.Next(0, placed.DayNumber - order.DayNumber));
            var couple = _random.Next(5) > 0;
            _ad1.Write(id, Ssda903Year.FormatDate(dob), Ssda903Year.FormatDate(decided), Ssda903Year.FormatDate(matched), withFosterCarer ? "1" : "0",
                couple ? "2" : "1", couple ? "MF" : "F1", couple ? "L11" : "L0");
            _placed.Write(id, Ssda903Year.FormatDate(dob), Ssda903Year.FormatDate(decided), null, null);
            _ad1Count++;
            _placedCount++;
            // Best interest decision, placement order, match, placed for adoption, adopted.
            _milestones += 5;
            return placed;
        }

        /// <summary>A decision that a child in care should be placed for adoption, reversed within the year.</summary>
        private void WriteReversedDecision(string id, DateOnly dob, DateOnly start)
        {
            var from = start > _year.Start ? start : _year.Start;
            var decided = from.AddDays(_random.Next(0, 200));
            var reversed = decided.AddDays(_random.Next(30, 150));
            _placed.Write(id, Ssda903Year.FormatDate(dob), Ssda903Year.FormatDate(decided), Ssda903Year.FormatDate(reversed), $"RD{_random.Next(1, 5)}");
            _placedCount++;
            // Best interest decision and plan revoked, and the placement order of a child under one (LS E1).
            _milestones += _placementOrder ? 3 : 2;
        }

        private void WriteEpisode(string id, DateOnly start, DateOnly? end, string rne, string ls, (string Place, string Provider) placement, string? rec, string? placeChange)
        {
            _placementOrder |= ls == "E1";
            _episodes.Write(id, Ssda903Year.FormatDate(start), rne, ls, $"N{_random.Next(1, 9)}", placement.Place, placement.Provider,
                end is { } e ? Ssda903Year.FormatDate(e) : null, rec, placeChange, _homePostcode, _placementPostcode, null);
            _episodeCount++;
        }

        private void WriteHeader(string id, DateOnly dob)
        {
            var sex = Sex(id);
            var upn = $"A{_random.NextInt64(10_000_000_000, 99_999_999_999)}{(char)('A' + _random.Next(26))}";
            _header.Write(id, sex, Ssda903Year.FormatDate(dob), Ethnicities[_random.Next(Ethnicities.Length)], upn, sex == "2" ? "0" : null, null);
            _children++;
            if (_o.InjectFailures && !_dobInjected)
            {
                var line = _header.Write(id, sex, Ssda903Year.FormatDate(dob), "WBRI", null, null, null);
                _injected.Add(new Ssda903InjectedFailure("header.csv", line, "CHILD", Ssda903Rules.DuplicateChild));
                _dobInjected = true;
            }
        }

        private static string Sex(string id) => id[^1] % 2 == 0 ? "1" : "2";

        private void WriteReviews(string id, DateOnly dob, DateOnly from, DateOnly to)
        {
            for (var date = from.AddDays(_random.Next(20, 120)); date <= to; date = date.AddDays(_random.Next(150, 190)))
            {
                _reviews.Write(id, Ssda903Year.FormatDate(dob), Ssda903Year.FormatDate(date), $"PN{_random.Next(0, 8)}");
                _reviewCount++;
            }
            if (_o.InjectFailures && !_reviewInjected)
            {
                var line = _reviews.Write(id, Ssda903Year.FormatDate(dob), Ssda903Year.FormatDate(_year.Start.AddDays(-10)), "PN1");
                _injected.Add(new Ssda903InjectedFailure("reviews.csv", line, "REVIEW", Ssda903Rules.DateOutOfYear));
                _reviewInjected = true;
            }
        }

        private void WriteMissing(string id, DateOnly dob, DateOnly from, DateOnly to)
        {
            if (_random.Next(100) >= 12 || to.DayNumber - from.DayNumber < 10)
            {
                return;
            }
            for (var n = MissingEpisodesOfChild(); n > 0; n--)
            {
                var start = from.AddDays(_random.Next(0, to.DayNumber - from.DayNumber - 3));
                var end = start.AddDays(_random.Next(0, 3));
                _missing.Write(id, Ssda903Year.FormatDate(dob), _random.Next(4) == 0 ? "A" : "M", Ssda903Year.FormatDate(start), Ssda903Year.FormatDate(end));
                _missingCount++;
            }
            if (_o.InjectFailures && !_missingInjected)
            {
                var line = _missing.Write(id, Ssda903Year.FormatDate(dob), "M", Ssda903Year.FormatDate(from.AddDays(5)), Ssda903Year.FormatDate(from.AddDays(2)));
                _injected.Add(new Ssda903InjectedFailure("missing.csv", line, "MIS_END", Ssda903Rules.EndBeforeStart));
                _missingInjected = true;
            }
        }

        /// <summary>
        /// With a target, the episodes still to write are spread over the children still to come who go missing (one
        /// in eight): each such child gets half to one and a half times the average that remains, so the total lands on
        /// the target (short of it only if the last children do not go missing).
        /// </summary>
        private int MissingEpisodesOfChild()
        {
            if (_o.MissingEpisodes is not { } target)
            {
                return _random.Next(1, 4);
            }
            var remaining = target - _missingCount;
            if (remaining <= 0)
            {
                return 0;
            }
            var missingChildrenToCome = Math.Max(1.0, (_o.ChildrenInCare - _childNumber + 1) * 0.12);
            var average = remaining / missingChildrenToCome;
            return Math.Clamp((int)Math.Round(average * (0.5 + _random.NextDouble())), 1, remaining);
        }

        private void WriteOc2(string id, DateOnly dob, int age)
        {
            var sdq = age is >= 4 and <= 16 && _random.Next(10) > 0 ? _random.Next(0, 41).ToString() : null;
            _oc2.Write(id, Ssda903Year.FormatDate(dob), sdq, sdq is null && age is >= 4 and <= 16 ? "SDQ1" : null,
                age >= 10 ? Flag(5) : null, age < 5 ? Flag(85) : null, Flag(85), Flag(80), Flag(88), Flag(8), Flag(5), Flag(6));
            _oc2Count++;
        }

        private void CareLeaver(string id)
        {
            var age = _random.Next(17, 22);
            var dob = _year.End.AddYears(-age).AddDays(-_random.Next(0, 365));
            WriteHeader(id, dob);
            var inTouch = InTouch[_random.Next(InTouch.Length)];
            var inTouchYes = inTouch == "YES";
            _oc3.Write(id, Ssda903Year.FormatDate(dob), inTouch,
                inTouchYes ? Activities[_random.Next(Activities.Length)] : null,
                inTouchYes ? Accommodations[_random.Next(Accommodations.Length)] : null);
            _oc3Count++;
        }

        private string Flag(int percentYes) => _random.Next(100) < percentYes ? "1" : "0";

        private void InjectStandaloneFailures()
        {
            var inYear = Ssda903Year.FormatDate(_year.Start.AddDays(40));
            var line = _episodes.Write("ZZUNKNOWN", inYear, "S", "C2", "N1", "U1", "PR1", null, null, null, null, null, null);
            _injected.Add(new Ssda903InjectedFailure("episodes.csv", line, "CHILD", Ssda903Rules.UnknownChild));
            var someone = $"{_o.ChildIdPrefix}{1:D7}";
            line = _episodes.Write(someone, Ssda903Year.FormatDate(_year.Start.AddDays(100)), "P", "C2", "N1", "U1", "PR1",
                Ssda903Year.FormatDate(_year.Start.AddDays(50)), "E13", null, null, null, null);
            _injected.Add(new Ssda903InjectedFailure("episodes.csv", line, "DEC", Ssda903Rules.EndBeforeStart));
            line = _episodes.Write(someone, inYear, "P", "ZZ", "N1", "U1", "PR1", null, null, null, null, null, null);
            _injected.Add(new Ssda903InjectedFailure("episodes.csv", line, "LS", Ssda903Rules.InvalidCode));
            line = _episodes.Write(someone, Ssda903Year.FormatDate(_year.End.AddDays(10)), "P", "C2", "N1", "U1", "PR1", null, null, null, null, null, null);
            _injected.Add(new Ssda903InjectedFailure("episodes.csv", line, "DECOM", Ssda903Rules.DateOutOfYear));
            line = _oc2.Write("ZZUNKNOWN", null, "55", null, null, null, null, null, null, null, null, null);
            _injected.Add(new Ssda903InjectedFailure("oc2.csv", line, "SDQ_SCORE", Ssda903Rules.OutOfRange));
            line = _ad1.Write(someone, null, Ssda903Year.FormatDate(_year.Start.AddDays(90)), Ssda903Year.FormatDate(_year.Start.AddDays(60)), "0", "2", "MF", "L11");
            _injected.Add(new Ssda903InjectedFailure("ad1.csv", line, "DATE_INT", Ssda903Rules.DateOrder));
            line = _placed.Write(someone, null, Ssda903Year.FormatDate(_year.Start.AddDays(20)), Ssda903Year.FormatDate(_year.Start.AddDays(80)), null);
            _injected.Add(new Ssda903InjectedFailure("placed_for_adoption.csv", line, "REASON_PLACED_CEASED", Ssda903Rules.CeasedReasonMismatch));
        }

        private DateOnly Later(DateOnly from, int maxDays) => from.AddDays(_random.Next(0, Math.Max(1, maxDays)));

        public void Dispose()
        {
            foreach (var file in new[] { _header, _episodes, _reviews, _uasc, _oc2, _oc3, _missing, _ad1, _placed })
            {
                file.Dispose();
            }
        }
    }
}
